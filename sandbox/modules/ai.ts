// AI classification of detections (`--ai-url`): person, vehicle or animal with a confidence, or "unavailable" when the service fails.

import type { IncomingEvent } from '../store/index.ts';
import type { ModuleContext } from './context.ts';
import { describeOutcome, withRetry } from './outbound.ts';
import { policy } from './policy.ts';

export const aiClasses = ['person', 'vehicle', 'animal'] as const;
export type AiClass = (typeof aiClasses)[number];

export type Classification = { status: 'labelled'; label: AiClass; confidence: number } | { status: 'unavailable'; reason: string };

export function isAiClass(value: unknown): value is AiClass {
  return typeof value === 'string' && (aiClasses as readonly string[]).includes(value);
}

/** Asks the AI service what the detection shows; the picture is the event's snapshot when the camera sent one. */
export async function classify(ctx: ModuleContext, event: IncomingEvent, syntheticRun: string | null): Promise<Classification> {
  ctx.stats.ai.requested += 1;
  const snapshot = event.payload['snapshot'];
  const body = { device: event.serial, eventId: event.eventId, at: event.at, image: typeof snapshot === 'string' ? snapshot : null };
  const url = ctx.providers.aiUrl === undefined ? undefined : `${ctx.providers.aiUrl}/classify`;
  const { attempts, backoffMs, timeoutMs } = policy.ai;
  const outcome = await withRetry(attempts, backoffMs, () => ctx.outbound.post('ai', url, body, syntheticRun, timeoutMs), (o) =>
    ctx.log.warn(`AI classification of ${event.serial}/${event.eventId}: ${describeOutcome(o)}; retrying`));
  const answer = outcome.kind === 'answered' ? (outcome.body as Record<string, unknown> | null) : null;
  const confidence = answer?.['confidence'];
  if (answer && isAiClass(answer['label']) && typeof confidence === 'number' && confidence >= 0 && confidence <= 1) {
    ctx.stats.ai.labelled += 1;
    return { status: 'labelled', label: answer['label'], confidence };
  }
  ctx.stats.ai.unavailable += 1;
  const reason = outcome.kind === 'answered' ? `unexpected answer ${JSON.stringify(answer).slice(0, 120)}` : describeOutcome(outcome);
  ctx.log.warn(`AI classification of ${event.serial}/${event.eventId} unavailable (${reason}): the customer is alerted without a label`);
  return { status: 'unavailable', reason };
}
