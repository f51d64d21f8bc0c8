// The migration notice of one logged-in customer: due by the rule (sandbox/notice/rule.ts), unless they dismissed it.

import { frenchDateTime, frenchDuration } from '../notice/french.ts';
import { noticeStage } from '../notice/rule.ts';
import type { NoticeConfig, NoticeStage } from '../notice/rule.ts';
import type { Branding } from '../store/index.ts';
import { html } from './html.ts';
import type { SafeHtml } from './html.ts';
import type { SpaceContext } from './space-side.ts';

export interface DueNotice {
  config: NoticeConfig;
  stage: Exclude<NoticeStage, 'none'>;
  /** The time zone the cut is read in: Paris, but UTC under fault `notice-utc`. */
  timeZone: 'Europe/Paris' | 'UTC';
}

/** The notice the customer must see now, if any. */
export async function dueNotice(ctx: SpaceContext, customerId: number): Promise<DueNotice | undefined> {
  const [config, now] = await Promise.all([ctx.side.notice.config(), ctx.side.clock.now()]);
  const stage = noticeStage(now, config);
  if (stage === 'none' || config === undefined) return undefined;
  const timeZone = ctx.side.faults.on('notice-utc', ctx.version) ? 'UTC' : 'Europe/Paris';
  return (await ctx.side.notice.dismissed(customerId, config, stage)) ? undefined : { config, stage, timeZone };
}

export function noticeFragment(b: Branding, due: DueNotice | undefined, back: string): SafeHtml | undefined {
  if (!due) return undefined;
  const { date, time } = frenchDateTime(due.config.at, due.timeZone);
  const title = due.stage === 'reminder' ? 'Rappel : maintenance programmée' : 'Maintenance programmée';
  return html`<section role="dialog" aria-labelledby="migration-notice-title" data-testid="migration-notice" data-stage="${due.stage}">
<h2 id="migration-notice-title">${title}</h2>
<p>Pour faire évoluer votre service, une opération de maintenance aura lieu le
<time datetime="${due.config.at.toISOString()}" data-testid="migration-notice-date">${date} à ${time}</time> (heure de Paris).
Votre espace client sera indisponible pendant environ ${frenchDuration(due.config.windowMinutes)}.</p>
<form method="post" action="/space/${b.whiteLabel}/notice/dismiss">
<input type="hidden" name="stage" value="${due.stage}"><input type="hidden" name="cut" value="${due.config.at.toISOString()}"><input type="hidden" name="back" value="${back}">
<button type="submit">J'ai compris</button>
</form>
</section>`;
}
