// The customer space's other pages: event timeline, recordings and playback, module settings, live view, maintenance.

import type { Branding, Recording, StoredEvent } from '../store/index.ts';
import { formatParis } from '../time.ts';
import { html } from './html.ts';
import type { SafeHtml } from './html.ts';
import { layout, timeline } from './pages.ts';

export function eventsPage(b: Branding, events: StoredEvent[], notice?: SafeHtml): string {
  return layout(b, 'Événements', html`<h1>Événements</h1>
${timeline(events)}`, { nav: true, notice });
}

/** "2 min 05 s", "45 s". */
export function frenchDurationMs(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function recordingsPage(b: Branding, recordings: Recording[], notice?: SafeHtml): string {
  const rows = recordings.map((r) => html`<tr data-testid="recording" data-recording-id="${r.id}" data-serial="${r.serial}">
<td><time datetime="${r.startedAt.toISOString()}">${formatParis(r.startedAt)}</time></td><td>${r.serial}</td><td>${frenchDurationMs(r.durationMs)}</td>
<td><a href="/space/${b.whiteLabel}/recordings/${r.id}">Lire l'enregistrement du ${formatParis(r.startedAt)}</a></td></tr>`);
  return layout(b, 'Enregistrements', html`<h1>Enregistrements</h1>
<table data-testid="recordings"><caption>Mes enregistrements</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Caméra</th><th scope="col">Durée</th><th scope="col">Lecture</th></tr></thead>
<tbody>${rows}</tbody></table>
${recordings.length === 0 ? html`<p>Aucun enregistrement.</p>` : ''}`, { nav: true, notice });
}

export function playbackPage(b: Branding, r: Recording, notice?: SafeHtml): string {
  return layout(b, 'Lecture', html`<h1>Enregistrement du ${formatParis(r.startedAt)}</h1>
<figure data-testid="player" data-recording-id="${r.id}" aria-label="Lecteur de l'enregistrement">
<p>Caméra ${r.serial} – durée ${frenchDurationMs(r.durationMs)}</p>
<figcaption>Fichier ${r.storageKey}</figcaption>
</figure>
<p><a href="/space/${b.whiteLabel}/recordings">Retour aux enregistrements</a></p>`, { nav: true, notice });
}

export interface ModuleSetting {
  id: string;
  name: string;
  enabled: boolean;
}

export function settingsPage(b: Branding, offerName: string, modules: ModuleSetting[], saved: boolean, notice?: SafeHtml): string {
  const boxes = modules.map((m) => html`<p data-testid="module-setting" data-module="${m.id}"><input type="checkbox" id="module-${m.id}" name="module" value="${m.id}"${m.enabled ? html` checked` : ''}>
<label for="module-${m.id}">${m.name}</label></p>`);
  return layout(b, 'Réglages', html`<h1>Réglages</h1>
${saved ? html`<p role="status">Vos réglages sont enregistrés.</p>` : ''}
<form method="post" action="/space/${b.whiteLabel}/settings">
<fieldset><legend>Modules de mon offre ${offerName}</legend>
${boxes}
${modules.length === 0 ? html`<p>Votre offre ne comprend aucun module.</p>` : ''}
</fieldset>
<p><button type="submit">Enregistrer</button></p>
</form>`, { nav: true, notice });
}

/** The live view's place: the camera stream relay fills `data-testid="live-view"`. */
export function livePage(b: Branding, notice?: SafeHtml): string {
  return layout(b, 'Direct', html`<h1>Direct</h1>
<section data-testid="live-view" aria-label="Vidéo en direct"><p>Le direct de vos caméras s'affichera ici.</p></section>`, { nav: true, notice });
}

/** Served with 503 and Retry-After while the platform is in maintenance. */
export function maintenancePage(b: Branding, message: string, backAt: Date | undefined): string {
  return layout(b, 'Maintenance', html`<section data-testid="maintenance" role="status">
<h1>Maintenance en cours</h1>
<p>${message}</p>
${backAt ? html`<p>Retour prévu vers <time datetime="${backAt.toISOString()}">${formatParis(backAt).slice(11, 16)}</time> (heure de Paris).</p>` : ''}
</section>`);
}
