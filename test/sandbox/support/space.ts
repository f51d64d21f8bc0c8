// Customer-space helpers for sandbox tests: form login with its cookie, and the dashboard's HTML.

export interface SpaceAnswer {
  status: number;
  location: string | null;
  cookie: string | null;
  html: string;
}

async function answer(res: Response): Promise<SpaceAnswer> {
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, location: res.headers.get('location'), cookie: setCookie?.split(';')[0] ?? null, html: await res.text() };
}

export async function getPage(baseUrl: string, path: string, cookie?: string): Promise<SpaceAnswer> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return answer(await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(5000) }));
}

export async function postLogin(baseUrl: string, whiteLabel: string, email: string, password: string): Promise<SpaceAnswer> {
  const res = await fetch(`${baseUrl}/space/${whiteLabel}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
  });
  return answer(res);
}

/** The attributes and text of every element carrying data-testid="<testId>" (enough for our own server-rendered pages). */
export function testIds(html: string, testId: string): { attrs: Record<string, string>; text: string }[] {
  const pattern = new RegExp(`<(\\w+)([^>]*data-testid="${testId}"[^>]*)>([\\s\\S]*?)</\\1>`, 'g');
  return [...html.matchAll(pattern)].map((m) => ({
    attrs: Object.fromEntries([...(m[2] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? ''])),
    text: (m[3] ?? '').replace(/<[^>]+>/g, ''),
  }));
}
