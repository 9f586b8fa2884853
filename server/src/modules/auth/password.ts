import os from 'node:os';
import bcrypt from 'bcrypt';
import { Semaphore } from '../../platform/semaphore';

export const BCRYPT_COST = 12;

// A cost-12 hash takes ~240 ms of a core: a login storm must not starve the API.
const hashing = new Semaphore(Math.max(1, os.availableParallelism() - 1));

export function hashPassword(plain: string): Promise<string> {
  return hashing.run(() => bcrypt.hash(plain, BCRYPT_COST));
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return hashing.run(() => bcrypt.compare(plain, hash));
}

// Compared against when the e-mail is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(plain: string): Promise<boolean> {
  dummyHash ??= bcrypt.hash('nimbus-timing-equaliser', BCRYPT_COST);
  return dummyHash.then((h) => verifyPassword(plain, h)).then(() => false);
}
