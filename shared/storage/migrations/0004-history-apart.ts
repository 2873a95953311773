/**
 * Version 3 → 4: the document is unchanged; the data folder keeps its history in files of their own
 * (visits per year, the 操作日志 as JSON lines, received 上报包: docs/architecture.md#data-files). A
 * version-3 data.json holds the whole library and is split at its first save; a version-4 data.json
 * alone is refused by older versions instead of being taken for a damaged file.
 */
export function historyApart(doc: Record<string, unknown>): Record<string, unknown> {
  return doc;
}
