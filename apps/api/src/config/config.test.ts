import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseEnv } from './config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'uh-config-'));

describe('configuration', () => {
  it('applies defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable and its value', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('LOG_LEVEL="loud"');
  });

  it('runs several API processes only on PostgreSQL', () => {
    expect(parseEnv({}).API_WORKERS).toBe(1);
    expect(() => parseEnv({ API_WORKERS: '2' })).toThrow(
      /API_WORKERS=2: more than one process needs PostgreSQL/,
    );
    expect(parseEnv({ API_WORKERS: '2', DATABASE_URL: 'postgres://localhost/x' }).API_WORKERS).toBe(2);
    expect(() => parseEnv({ API_WORKERS: '0' })).toThrow(/API_WORKERS="0"/);
  });

  it('does not print secret values in errors', () => {
    expect(() => parseEnv({ TOKEN_SECRET: 'short-secret' })).toThrow(/TOKEN_SECRET=\(hidden\)/);
  });

  it('creates secrets once, readable only by the owner, and reuses them', () => {
    const dataDir = dir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const mode = statSync(join(dataDir, 'secrets.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.secrets.tokenSecret.equals(first.secrets.tokenSecret)).toBe(true);
    expect(first.secrets.piiKeys.get(first.secrets.activeKeyId)?.length).toBe(32);
  });

  it('takes keys from the environment, the last listed key being active', () => {
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const config = loadConfig({
      DATA_DIR: dir(),
      TOKEN_SECRET: 'x'.repeat(40),
      PII_KEYS: `old:${k1},new:${k2}`,
      PII_HMAC_KEY: 'y'.repeat(40),
    });
    expect(config.secrets.activeKeyId).toBe('new');
    expect(config.secrets.piiKeys.size).toBe(2);
  });
});

describe('card signing key', () => {
  it('is generated once as an Ed25519 key and added to a secrets file made before it existed', async () => {
    const { cardKeysFromPem } = await import('../modules/cards/card-token.js');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const dataDir = dir();
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(cardKeysFromPem(first.secrets.cardSigningKeyPem).privateKey.asymmetricKeyType).toBe('ed25519');
    const file = join(dataDir, 'secrets.json');
    const older = JSON.parse(readFileSync(file, 'utf8'));
    delete older.cardSigningKey;
    writeFileSync(file, JSON.stringify(older), { mode: 0o600 });
    const upgraded = loadConfig({ DATA_DIR: dataDir });
    expect(upgraded.secrets.cardSigningKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(upgraded.secrets.tokenSecret.equals(first.secrets.tokenSecret)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
