// The customer space's frame and main pages, in French, branded per white label (brand, logo, colours, support phone).

import { eventLabel } from '../event-types.ts';
import type { Branding, Device, StoredEvent } from '../store/index.ts';
import { formatParis } from '../time.ts';
import { html } from './html.ts';
import type { SafeHtml } from './html.ts';

/** Catalog colours go into a <style> element, where HTML escaping does not protect: only plain colour forms pass. */
export function cssColor(value: string | null | undefined, fallback: string): string {
  return typeof value === 'string' && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|rgba?\([0-9.,%\s]+\))$/.test(value) ? value : fallback;
}

export interface Frame {
  /** The logged-in customer's navigation. */
  nav?: boolean;
  /** The migration notice, when one is due. */
  notice?: SafeHtml;
}

const links: [string, string][] = [['', 'Tableau de bord'], ['live', 'Direct'], ['events', 'Événements'], ['recordings', 'Enregistrements'], ['settings', 'Réglages']];

function navigation(b: Branding): SafeHtml {
  return html`<nav aria-label="Espace client"><ul>${links.map(([path, label]) => html`<li><a href="/space/${b.whiteLabel}/${path}">${label}</a></li>`)}</ul>
<form method="post" action="/space/${b.whiteLabel}/logout"><button type="submit">Se déconnecter</button></form></nav>`;
}

export function layout(b: Branding, title: string, body: SafeHtml, frame: Frame = {}): string {
  const primary = cssColor(b.primaryColor, '#333333');
  const secondary = cssColor(b.secondaryColor, '#ffffff');
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title} – ${b.brand}</title>
<style>
:root { --brand-primary: ${primary}; --brand-secondary: ${secondary}; }
body { font-family: sans-serif; margin: 0; background: var(--brand-secondary); color: #222; }
header { background: var(--brand-primary); color: var(--brand-secondary); padding: 12px 24px; display: flex; gap: 16px; align-items: center; }
nav { display: flex; gap: 16px; align-items: center; padding: 8px 24px; border-bottom: 2px solid var(--brand-primary); }
nav ul { display: flex; gap: 16px; list-style: none; margin: 0; padding: 0; }
nav a { color: var(--brand-primary); }
main { padding: 24px; max-width: 960px; margin: 16px 24px; background: #fff; color: #222; border-radius: 4px; }
footer { padding: 0 24px; color: var(--brand-primary); }
footer p { display: inline-block; background: #fff; padding: 4px 8px; border-radius: 4px; }
button { background: var(--brand-primary); color: var(--brand-secondary); border: 0; padding: 8px 16px; }
[role="alert"] { color: #b00020; }
[role="dialog"] { border: 2px solid var(--brand-primary); background: #fff; padding: 12px 16px; margin-bottom: 16px; }
</style>
</head>
<body>
<header>
<img src="/space/${b.whiteLabel}/logo.svg" alt="${b.brand} logo" data-testid="brand-logo">
<strong data-testid="brand-name">${b.brand}</strong>
</header>
${frame.nav ? navigation(b) : ''}
<main>
${frame.notice ?? ''}
${body}
</main>
<footer><p>Service client : <span data-testid="support-phone">${b.supportPhone}</span></p></footer>
</body>
</html>
`.value;
}

export function loginPage(b: Branding, error?: string): string {
  return layout(
    b,
    'Connexion',
    html`<h1>Connexion à votre espace client</h1>
${error ? html`<p role="alert">${error}</p>` : ''}
<form method="post" action="/space/${b.whiteLabel}/login">
<p><label for="email">Adresse e-mail</label><br><input id="email" name="email" type="email" autocomplete="username" required></p>
<p><label for="password">Mot de passe</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Se connecter</button></p>
</form>`,
  );
}

export function dashboardPage(b: Branding, name: string, devices: Device[], events: StoredEvent[], notice?: SafeHtml): string {
  return layout(
    b,
    'Mon espace',
    html`<h1>Bonjour ${name}</h1>
<h2>Mes équipements</h2>
<ul data-testid="device-list">${devices.map(deviceRow)}</ul>
${devices.length === 0 ? html`<p>Aucun équipement.</p>` : ''}
<h2>Derniers événements</h2>
${timeline(events)}`,
    { nav: true, notice },
  );
}

export function timeline(events: StoredEvent[]): SafeHtml {
  return html`<ol data-testid="timeline">${events.map(timelineItem)}</ol>
${events.length === 0 ? html`<p>Aucun événement.</p>` : ''}`;
}

function deviceRow(d: Device): SafeHtml {
  const state = d.online ? 'En ligne' : 'Hors ligne';
  const seen = d.lastSeenAt ? html` – vu le <time datetime="${d.lastSeenAt.toISOString()}">${formatParis(d.lastSeenAt)}</time>` : '';
  return html`<li data-testid="device" data-serial="${d.serial}">${d.modelName} (${d.serial}) – <span data-testid="device-state">${state}</span>${seen}</li>`;
}

function timelineItem(e: StoredEvent): SafeHtml {
  return html`<li data-testid="timeline-event" data-serial="${e.serial}" data-event-type="${e.type}"><time datetime="${e.occurredAt.toISOString()}">${formatParis(e.occurredAt)}</time> – ${eventLabel(e.type)} – ${e.serial}</li>`;
}

export function notFoundPage(): string {
  return html`<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page introuvable</title></head>
<body><h1>Page introuvable</h1><p>Cette adresse ne correspond à aucun espace client.</p></body></html>
`.value;
}
