// URLs as they may appear in messages, logs and reports: passwords hidden, so all of them can be shared.

/** The URL with its password replaced by `***` (and no lone trailing `/`); unparsable input is returned unchanged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    const text = parsed.toString();
    return parsed.pathname === '/' && !parsed.search && !parsed.hash && text.endsWith('/') ? text.slice(0, -1) : text;
  } catch {
    return url;
  }
}
