// URLs as they may appear in messages: passwords hidden, so logs and reports can be shared.

/** The URL with its password replaced by `***`; unparsable input is returned unchanged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
