import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DATA_DIR } from './paths.js';

interface DemoAccounts {
  accounts: { username: string; password: string; role: string; orgName: string }[];
  memberPhone: string;
}

export function demoAccounts(): DemoAccounts {
  return JSON.parse(readFileSync(join(E2E_DATA_DIR, 'demo-accounts.json'), 'utf8')) as DemoAccounts;
}

export function demoAccount(username: string) {
  const account = demoAccounts().accounts.find((a) => a.username === username);
  if (!account) throw new Error(`No demo account ${username}`);
  return account;
}

/** The last sign-in code the dev SMS outbox holds for a phone. */
export function lastSmsCode(phone: string): string | null {
  const file = join(E2E_DATA_DIR, 'outbox', 'sms.jsonl');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n').reverse();
  for (const line of lines) {
    const msg = JSON.parse(line) as { phone: string; params: { code?: string } };
    if (msg.phone === phone && msg.params.code) return msg.params.code;
  }
  return null;
}

/** The messages the dev SMS outbox holds for a phone, oldest first. */
export function smsTo(phone: string): { at: string; phone: string; params: { code?: string } }[] {
  const file = join(E2E_DATA_DIR, 'outbox', 'sms.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { at: string; phone: string; params: { code?: string } })
    .filter((m) => m.phone === phone);
}
