// Reading a request's recipient and subject out of its parsed body, for the services' `identify`.

/** The string at `path` in `body` (e.g. ('customer', 'email')), or undefined when absent or not a string. */
export function textAt(body: unknown, ...path: string[]): string | undefined {
  let value: unknown = body;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
