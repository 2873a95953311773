/**
 * Version 4 → 5: the document is unchanged; each year's visits file holds the year's 督导检查要点
 * lists once and each visit the index of its list (docs/architecture.md#data-files). Version 4 reads
 * such a file as damaged and would move it aside; a version-5 data.json makes it refuse the whole
 * folder as newer instead, leaving every file as it is. Year files written before are still read.
 */
export function checklistsOnce(doc: Record<string, unknown>): Record<string, unknown> {
  return doc;
}
