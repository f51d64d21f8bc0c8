// The process a harness run lives in: everything printed is masked, and Ctrl-C tears the environment down (run, certify, merge, record-reference).

import { maskStream } from '../../lib/mask.ts';
import { watchInterrupts } from '../interrupt.ts';

let watched = false;

/** Masks what the process prints (passwords, tokens, known secrets) and watches SIGINT/SIGTERM, once. */
export function harnessProcess(): void {
  if (watched) return;
  watched = true;
  maskStream(process.stdout);
  maskStream(process.stderr);
  watchInterrupts();
}
