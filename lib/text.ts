// Small text helpers shared by the harness, the steps and the drivers.

/** `text` as a pattern that matches it literally (for `new RegExp`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
