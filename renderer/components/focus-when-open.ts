/**
 * Moves the caret into a dialog or drawer when its opening animation ends, unless the clerk is
 * already typing in one of its fields (a quick typist, or a slow machine, gets there first).
 */
export function focusWhenOpen(target: { focus(): void } | null | undefined): void {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
  target?.focus();
}
