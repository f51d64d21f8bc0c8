// The factory credential of a device: the password printed on its label, derived from its serial (docs/platform-interface.md).

import { createHash } from 'node:crypto';

/**
 * The stand-in's factory rule: the first 20 hex digits of SHA-256("kw-factory-v1:" + serial). A real
 * platform looks the secret up in its provisioning records; the harness only needs the device to know it.
 */
export function factoryPassword(serial: string): string {
  return createHash('sha256').update(`kw-factory-v1:${serial}`).digest('hex').slice(0, 20);
}

/** `Authorization: Basic ...` of the device's factory credential. */
export function basicAuth(serial: string, password = factoryPassword(serial)): string {
  return `Basic ${Buffer.from(`${serial}:${password}`).toString('base64')}`;
}
