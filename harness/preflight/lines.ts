// Console lines that fit a screen: identical reasons grouped with a count, long messages cut keeping their head.

/** Wide enough for a path and a reason, narrow enough never to flood a terminal. */
export const maxLineLength = 200;

/** Room for a message after the `[configuration] ` / `[environment] ` prefix of its error. */
export const maxMessageLength = maxLineLength - '[configuration] '.length;

/** `text` on one line of at most `max` characters: newlines folded, the tail cut with an ellipsis. */
export function oneLine(text: string, max = maxLineLength): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export interface Failure {
  /** What failed: `instance i01 (https://host-1)`, credentials already masked. */
  what: string;
  reason: string;
}

/** One line per distinct reason: `3 unreachable (connect ECONNREFUSED): instance i01 (...), instance i02 (...), +1 more`. */
export function groupFailures(failures: readonly Failure[], max = maxLineLength): string[] {
  const byReason = new Map<string, string[]>();
  for (const { what, reason } of failures) byReason.set(oneLine(reason, 120), [...(byReason.get(oneLine(reason, 120)) ?? []), what]);
  return [...byReason].map(([reason, whats]) => {
    const head = whats.length === 1 ? `${reason}: ` : `${whats.length} × ${reason}: `;
    return oneLine(head + listWithin(whats, max - head.length), max);
  });
}

/** As many items as fit in `room` characters, then `+N more`. */
function listWithin(items: readonly string[], room: number): string {
  let text = '';
  for (const [i, item] of items.entries()) {
    const rest = items.length - i - 1;
    const next = `${text ? `${text}, ` : ''}${item}`;
    const suffix = rest > 0 ? `, +${rest} more` : '';
    if (next.length + suffix.length > room && text) return `${text}, +${items.length - i} more`;
    text = next;
  }
  return text;
}
