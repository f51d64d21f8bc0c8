// The back office's pages for support staff, in French, times in Europe/Paris.

import type { AccountSummary, SupportDevice } from '../store/index.ts';
import { formatParis } from '../time.ts';
import type { InstanceRow, InstanceState } from './backoffice-instances.ts';
import { html } from './html.ts';
import type { SafeHtml } from './html.ts';

function frame(title: string, body: SafeHtml, staff?: string): string {
  return html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title} – Back office</title>
<style>
body { font-family: sans-serif; margin: 0; color: #222; background: #f5f5f5; }
header { background: #263238; color: #fff; padding: 12px 24px; display: flex; gap: 16px; align-items: center; }
main { padding: 24px; max-width: 1100px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; }
[role="alert"] { color: #b00020; }
</style>
</head>
<body>
<header><strong data-testid="back-office-title">Back office – Support client</strong>
${staff ? html`<span data-testid="staff-name">${staff}</span><form method="post" action="/backoffice/logout"><button type="submit">Se déconnecter</button></form>` : ''}
</header>
<main>
${body}
</main>
</body>
</html>
`.value;
}

export function staffLoginPage(error?: string): string {
  return frame('Connexion', html`<h1>Connexion au back office</h1>
${error ? html`<p role="alert">${error}</p>` : ''}
<form method="post" action="/backoffice/login">
<p><label for="email">Adresse e-mail</label><br><input id="email" name="email" type="email" autocomplete="username" required></p>
<p><label for="password">Mot de passe</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Se connecter</button></p>
</form>`);
}

function searchForm(query = ''): SafeHtml {
  return html`<form role="search" method="get" action="/backoffice/customers">
<label for="q">Rechercher un client</label> <input id="q" name="q" type="search" value="${query}" required>
<button type="submit">Rechercher</button>
</form>`;
}

const stateLabels: Record<InstanceState, string> = { up: 'En service', silent: 'Sans nouvelles', stopped: 'Arrêtée' };

function instanceTable(instances: InstanceRow[]): SafeHtml {
  const rows = instances.map((i) => html`<tr data-testid="instance" data-instance-id="${i.id}" data-version="${i.version}" data-state="${i.state}" data-pid="${i.pid}">
<th scope="row">${i.id}</th><td>${i.version}</td><td>${i.pid}</td><td>${stateLabels[i.state]}</td>
<td><time datetime="${i.startedAt.toISOString()}">${formatParis(i.startedAt)}</time></td>
<td><time datetime="${i.lastBeat.toISOString()}">${formatParis(i.lastBeat)}</time></td></tr>`);
  return html`<table data-testid="instance-health"><caption>Santé des instances</caption>
<thead><tr><th scope="col">Instance</th><th scope="col">Version</th><th scope="col">Processus</th><th scope="col">État</th><th scope="col">Démarrée le</th><th scope="col">Dernier signe de vie</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function homePage(staff: string, instances: InstanceRow[]): string {
  return frame('Accueil', html`<h1>Support client</h1>
${searchForm()}
<h2>Instances de la plateforme</h2>
${instanceTable(instances)}`, staff);
}

export function searchPage(staff: string, query: string, results: AccountSummary[]): string {
  const items = results.map((r) => html`<li data-testid="customer-result" data-customer-id="${r.id}">
<a href="/backoffice/customers/${r.id}">${r.name}</a> – ${r.email} – ${r.phone} – ${r.brand}</li>`);
  return frame('Recherche', html`<h1>Recherche de clients</h1>
${searchForm(query)}
<ul data-testid="customer-results">${items}</ul>
${results.length === 0 ? html`<p role="status">Aucun client ne correspond à « ${query} ».</p>` : ''}`, staff);
}

export interface CustomerView {
  id: number;
  name: string;
  email: string;
  phone: string;
  brand: string;
  partner: string;
  offer: string;
  accountType: string;
  modules: { id: string; name: string }[];
  devices: SupportDevice[];
}

function deviceRow(d: SupportDevice): SafeHtml {
  const seen = d.lastSeenAt ? html`<time datetime="${d.lastSeenAt.toISOString()}">${formatParis(d.lastSeenAt)}</time>` : 'jamais';
  return html`<tr data-testid="device-status" data-serial="${d.serial}" data-online="${String(d.online)}">
<th scope="row">${d.serial}</th><td>${d.modelName}</td><td>${d.online ? 'En ligne' : 'Hors ligne'}</td>
<td data-testid="device-last-heartbeat">${seen}</td><td data-testid="device-firmware">${d.firmware ?? 'inconnu'}</td></tr>`;
}

export function customerPage(staff: string, c: CustomerView): string {
  return frame(c.name, html`<h1>${c.name}</h1>
<dl data-testid="customer-card" data-customer-id="${c.id}">
<dt>E-mail</dt><dd>${c.email}</dd>
<dt>Téléphone</dt><dd>${c.phone}</dd>
<dt>Marque</dt><dd data-testid="customer-brand">${c.brand}</dd>
<dt>Partenaire</dt><dd data-testid="customer-partner">${c.partner}</dd>
<dt>Offre</dt><dd data-testid="customer-offer">${c.offer}</dd>
<dt>Type de compte</dt><dd>${c.accountType}</dd>
<dt>Modules</dt><dd><ul data-testid="customer-modules">${c.modules.map((m) => html`<li data-module="${m.id}">${m.name}</li>`)}</ul></dd>
</dl>
<h2>Équipements</h2>
<table data-testid="customer-devices"><caption>État des équipements</caption>
<thead><tr><th scope="col">Numéro de série</th><th scope="col">Modèle</th><th scope="col">État</th><th scope="col">Dernier signe de vie</th><th scope="col">Firmware</th></tr></thead>
<tbody>${c.devices.map(deviceRow)}</tbody></table>
${c.devices.length === 0 ? html`<p>Aucun équipement.</p>` : ''}
<p><a href="/backoffice/">Retour à l'accueil</a></p>`, staff);
}

export function backOfficeMaintenancePage(message: string, backAt: Date | undefined): string {
  return frame('Maintenance', html`<section data-testid="maintenance" role="status">
<h1>Maintenance en cours</h1>
<p>${message}</p>
${backAt ? html`<p>Retour prévu vers <time datetime="${backAt.toISOString()}">${formatParis(backAt).slice(11, 16)}</time> (heure de Paris).</p>` : ''}
</section>`);
}
