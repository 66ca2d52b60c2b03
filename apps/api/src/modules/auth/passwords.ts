import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import type { ErrorDetail } from '@unionhub/contracts';

const require = createRequire(import.meta.url);
const commonPasswords = require('fxa-common-password-list') as { test(password: string): boolean };

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes). */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-for-timing');
  return decoyHash;
}

/** Problems with a proposed password, each naming the field; empty when acceptable. */
export function passwordProblems(
  password: string,
  username: string | null,
  field = 'newPassword',
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH)
    problems.push({ path: field, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
  if (commonPasswords.test(password.toLowerCase()))
    problems.push({ path: field, message: 'is a commonly used password; choose another' });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push({ path: field, message: 'must not contain the username' });
  if (/^(.)\1+$/.test(password)) problems.push({ path: field, message: 'must not repeat one character' });
  return problems;
}
