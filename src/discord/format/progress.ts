/** A text progress bar that reads the same on every client: filled and empty blocks. */
export function progressBar(done: number, total: number, width = 10): string {
  if (total <= 0) return '▱'.repeat(width);
  const clamped = Math.min(Math.max(done, 0), total);
  const filled = Math.round((clamped / total) * width);
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}
