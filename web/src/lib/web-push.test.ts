import { Buffer } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { base64UrlToBytes, pushSupport, sameKey } from './web-push';

describe('base64UrlToBytes', () => {
  test('when given any bytes encoded as base64url, with or without padding, then the same bytes', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const encoded = Buffer.from(bytes).toString('base64url');
      expect([...base64UrlToBytes(encoded)]).toEqual([...bytes]);
      const padded = Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
      expect([...base64UrlToBytes(padded)]).toEqual([...bytes]);
    }
  });

  test('when given a VAPID public key, then the 65 bytes of an uncompressed P-256 point', () => {
    const key = base64UrlToBytes(
      'BNbxGYNMhEIi9zrneh7mqV4oUanjLUK3m-mYZBc62frMKrEoMk88r3Lk596T0ck9xlT-aok0f-gqwWFcwbB1ZB8',
    );
    expect(key.length).toBe(65);
    expect(key[0]).toBe(4);
    expect(key.buffer).toBeInstanceOf(ArrayBuffer);
  });

  test('when given something that is not base64url, then it throws', () => {
    expect(() => base64UrlToBytes('a+b/c')).toThrow('Not base64url');
    expect(() => base64UrlToBytes('abc=d')).toThrow('Not base64url');
  });
});

test('sameKey compares a subscription key with the server key byte by byte', () => {
  const key = Uint8Array.from([4, 1, 2, 3]);
  expect(sameKey(Uint8Array.from([4, 1, 2, 3]).buffer, key)).toBe(true);
  expect(sameKey(Uint8Array.from([4, 1, 2, 9]).buffer, key)).toBe(false);
  expect(sameKey(Uint8Array.from([4, 1, 2]).buffer, key)).toBe(false);
  expect(sameKey(null, key)).toBe(false);
});

test('pushSupport: a browser without service workers (jsdom) is unsupported', () => {
  expect(pushSupport()).toBe('unsupported');
});
