// Test helper: a tiny customer space following the contract's markup, served by node:http on a port the OS chooses.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteEvent { serial: string; type: string; label: string }

export interface Site extends AsyncDisposable {
  url: string;
  /** Events the timeline lists once the dashboard has been viewed `fromView` times. */
  events: Array<SiteEvent & { fromView: number }>;
  dashboardViews: number;
}

const user = { email: 'alice@qa.example', password: 'secret' };

const page = (body: string): string =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Acme</title><style>:root{--primary:#c00020}</style></head><body>
<header><img alt="Acme Sécurité logo" data-testid="brand-logo" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E">
<span data-testid="brand-name">Acme Sécurité</span> <span data-testid="support-phone">01 23 45 67 89</span></header>${body}</body></html>`;

const loginForm = (alert = ''): string => page(`${alert}<form method="post" action="/space/acme/login">
<label for="email">Adresse e-mail</label><input id="email" name="email" type="email">
<label for="password">Mot de passe</label><input id="password" name="password" type="password">
<button type="submit">Se connecter</button></form>`);

export async function startSite(): Promise<Site> {
  const site = { events: [] as Site['events'], dashboardViews: 0 };
  const server = createServer((req, res) => {
    const send = (status: number, html: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html);
    };
    if (req.url === '/space/acme/login' && req.method === 'GET') return send(200, loginForm());
    if (req.url === '/space/acme/login' && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString())).on('end', () => {
        const form = new URLSearchParams(raw);
        if (form.get('email') === user.email && form.get('password') === user.password) {
          return send(303, '', { location: '/space/acme/', 'set-cookie': 'session=ok; Path=/; HttpOnly' });
        }
        send(401, loginForm('<p role="alert">Adresse e-mail ou mot de passe incorrect.</p>'));
      });
      return;
    }
    if (req.url === '/space/acme/') {
      if (!req.headers.cookie?.includes('session=ok')) return send(303, '', { location: '/space/acme/login' });
      site.dashboardViews += 1;
      const shown = site.events.filter((e) => e.fromView <= site.dashboardViews);
      return send(200, page(`<ul data-testid="device-list"><li data-testid="device" data-serial="VIG-1">Vigie 360 VIG-1</li></ul>
<ol data-testid="timeline">${shown.map((e) => `<li data-testid="timeline-event" data-serial="${e.serial}" data-event-type="${e.type}">${e.label}</li>`).join('')}</ol>`));
    }
    send(404, page('<h1>Page introuvable</h1>'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(site, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as Site;
}
