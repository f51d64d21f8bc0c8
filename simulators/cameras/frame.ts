// A camera's picture: its model, serial and clock drawn on a moving scene, encoded as a real JPEG that names itself.

import { drawText, fillRect } from './font.ts';
import { encodeJpeg } from './jpeg.ts';

export const frameWidth = 256;
export const frameHeight = 144;

export interface FrameIdentity {
  serial: string;
  model: string;
  // The camera's clock, ISO-8601 with offset.
  at: string;
  index: number;
}

/** The COM segment every frame carries, so a reader can tell whose picture it is and when it was taken. */
export function frameComment(identity: FrameIdentity): string {
  return `kw-camera serial=${identity.serial} model=${identity.model} at=${identity.at} frame=${identity.index}`;
}

/** Parses a frame comment back; undefined when it is not one. */
export function parseFrameComment(comment: string): FrameIdentity | undefined {
  const match = /^kw-camera serial=(\S+) model=(\S+) at=(\S+) frame=(\d+)$/.exec(comment);
  if (!match) return undefined;
  const [, serial = '', model = '', at = '', index = '0'] = match;
  return { serial, model, at, index: Number(index) };
}

export function renderFrame(identity: FrameIdentity): Buffer {
  const pixels = new Uint8Array(frameWidth * frameHeight);
  // A diagonal gradient that slides with the frame index: consecutive frames differ.
  for (let y = 0; y < frameHeight; y++) {
    for (let x = 0; x < frameWidth; x++) pixels[y * frameWidth + x] = 40 + ((x + y + identity.index * 4) % 64);
  }
  const box = (identity.index * 6) % (frameWidth - 24);
  fillRect(pixels, frameWidth, box, 100, 24, 24, 220);
  fillRect(pixels, frameWidth, 0, 0, frameWidth, 44, 16);
  drawText(pixels, frameWidth, identity.model, 4, 4, 1, 235);
  drawText(pixels, frameWidth, identity.serial, 4, 16, 1, 235);
  drawText(pixels, frameWidth, identity.at.slice(0, 19).replace('T', ' '), 4, 28, 1, 255);
  drawText(pixels, frameWidth, identity.at.slice(11, 19), 4, 56, 4, 250);
  return encodeJpeg({ width: frameWidth, height: frameHeight, pixels }, frameComment(identity));
}
