// Discord signs every request to an interactions endpoint with the application's Ed25519 key:
// the signature covers the timestamp header followed by the raw body. node:crypto verifies
// Ed25519 itself, so no library is needed.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { FaqbotError } from '../../src/index.js';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A request older (or newer) than this is refused as a replay, whatever its signature. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The "Public Key" of the Developer Portal's General Information page: 64 hex digits. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new FaqbotError(
      'config',
      'DISCORD_PUBLIC_KEY must be the 64 hex digits of "Public Key" on the application\'s General Information page in the Discord Developer Portal',
    );
  }
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type Verdict = 'ok' | 'unsigned' | 'forged' | 'stale';

export function verifyRequest(key: KeyObject, headers: { signature?: string; timestamp?: string }, body: Buffer, nowMs: number): Verdict {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'unsigned';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'forged';
  if (!verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'))) return 'forged';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'stale';
  return 'ok';
}
