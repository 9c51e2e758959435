// The Ed25519 check in front of HTTP interactions, on its own: what passes and what is refused.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyFromHex, verifyRequest } from '../../adapters/discord/verify.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const key = publicKeyFromHex(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'));
const body = Buffer.from('{"type":1}');
const now = 1_800_000_000_000;
const signedAt = (seconds: number) => {
  const timestamp = String(seconds);
  return { timestamp, signature: sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex') };
};

describe('Discord request signatures', () => {
  it.each([
    ['signed now', signedAt(now / 1000), 'ok'],
    ['signed 4 minutes ago', signedAt(now / 1000 - 240), 'ok'],
    ['signed 6 minutes ago (a replay)', signedAt(now / 1000 - 360), 'stale'],
    ['signed 6 minutes ahead', signedAt(now / 1000 + 360), 'stale'],
    ['no headers', {}, 'unsigned'],
    ['a signature that is not hex', { timestamp: String(now / 1000), signature: 'zz' }, 'forged'],
    ['another timestamp than the one signed', { ...signedAt(now / 1000), timestamp: String(now / 1000 + 1) }, 'forged'],
  ] as const)('%s: %s', (_name, headers, verdict) => {
    expect(verifyRequest(key, headers, body, now)).toBe(verdict);
  });

  it('refuses a public key that is not 64 hex digits, saying where to find the right one', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex digits of "Public Key"/);
  });
});
