/** What to show for a failed call: an ApiError's message is already Chinese and says what to do. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
