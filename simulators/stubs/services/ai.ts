// The AI classification service: POST <ai-url>/classify {device, eventId, image?} -> 200 {label, confidence}, deterministic from its input.

import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import type { StubService } from '../types.ts';
import { textAt } from './identify.ts';

export const aiLabels = ['person', 'vehicle', 'animal'] as const;
export type AiLabel = (typeof aiLabels)[number];
export interface AiScene { label: AiLabel; confidence: number }

function isLabel(value: unknown): value is AiLabel {
  return typeof value === 'string' && (aiLabels as readonly string[]).includes(value);
}

/**
 * What the service sees, in this order: the scene scripted for the device (PUT /__services/ai/scenes/<device>),
 * a `scene:<label>` marker in the image, or a label drawn from a hash of device and event id (stable across runs).
 */
export function classify(scenes: ReadonlyMap<string, AiScene>, device: string, eventId: string, image: string | null): AiScene {
  const scripted = scenes.get(device);
  if (scripted) return scripted;
  const marker = /scene:(person|vehicle|animal)/.exec(image ?? '')?.[1];
  if (isLabel(marker)) return { label: marker, confidence: 0.9 };
  const digest = createHash('sha256').update(`${device}|${eventId}`).digest();
  return { label: aiLabels[digest[0]! % aiLabels.length]!, confidence: 0.5 + (digest[1]! % 50) / 100 };
}

export const aiService: StubService = {
  name: 'ai',
  prefix: '/ai',
  platformFlag: '--ai-url',
  // The camera whose picture is classified, and the event it belongs to.
  identify: (body) => ({ recipient: textAt(body, 'device'), subject: textAt(body, 'eventId') }),
  handlers(base, control) {
    const scenes = new Map<string, AiScene>();
    return [
      http.post(`${base}/classify`, async ({ request }) => {
        const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
        const { device, eventId, image = null } = body ?? {};
        if (typeof device !== 'string' || device === '' || typeof eventId !== 'string' || eventId === '' || (image !== null && typeof image !== 'string')) {
          return HttpResponse.json({ error: 'the AI service expects JSON {device, eventId, image?} with non-empty strings (image: a string or null)' }, { status: 400 });
        }
        return HttpResponse.json(classify(scenes, device, eventId, image as string | null));
      }),
      http.put(`${control}/scenes/:device`, async ({ request, params }) => {
        const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
        const confidence = body?.['confidence'] ?? 0.93;
        if (!isLabel(body?.['label']) || typeof confidence !== 'number' || confidence < 0 || confidence > 1) {
          return HttpResponse.json({ error: `a scene is JSON {label, confidence?}: label one of ${aiLabels.join(', ')}, confidence from 0 to 1` }, { status: 400 });
        }
        scenes.set(String(params['device']), { label: body['label'], confidence });
        return HttpResponse.json({ device: params['device'], label: body['label'], confidence });
      }),
      http.delete(`${control}/scenes/:device`, ({ params }) => {
        scenes.delete(String(params['device']));
        return new HttpResponse(null, { status: 204 });
      }),
      http.get(`${control}/scenes`, () => HttpResponse.json(Object.fromEntries(scenes))),
    ];
  },
};
