// Device credentials: the factory password rule shared with the devices, and bearer tokens for https-json cameras.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The stand-in's factory rule (docs/platform-interface.md): first 20 hex digits of SHA-256("kw-factory-v1:" + serial). */
export function factoryPassword(serial: string): string {
  return createHash('sha256').update(`kw-factory-v1:${serial}`).digest('hex').slice(0, 20);
}

export function checkFactoryPassword(serial: string, password: string): boolean {
  const expected = Buffer.from(factoryPassword(serial));
  const given = Buffer.from(password);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The serial of a valid `Authorization: Basic` factory credential, or undefined. */
export function basicSerial(header: string | undefined): string | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const serial = decoded.slice(0, colon);
  return checkFactoryPassword(serial, decoded.slice(colon + 1)) ? serial : undefined;
}

export const tokenTtlS = 3600;

/** Stateless device tokens, "<serial>.<expiry s>.<hmac>": any instance holding the same key checks them. */
export function createTokens(key: string) {
  const sign = (body: string): string => createHmac('sha256', key).update(body).digest('base64url');
  return {
    issue(serial: string, nowMs = Date.now()): string {
      const body = `${Buffer.from(serial).toString('base64url')}.${Math.floor(nowMs / 1000) + tokenTtlS}`;
      return `${body}.${sign(body)}`;
    },
    /** The token's serial, 'expired', or undefined when it is forged or malformed. */
    verify(token: string, nowMs = Date.now()): string | 'expired' | undefined {
      const [serial64, expiry, mac] = token.split('.');
      if (!serial64 || !expiry || !mac) return undefined;
      const expected = Buffer.from(sign(`${serial64}.${expiry}`));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      if (Number(expiry) * 1000 <= nowMs) return 'expired';
      return Buffer.from(serial64, 'base64url').toString('utf8');
    },
  };
}

export type DeviceTokens = ReturnType<typeof createTokens>;
