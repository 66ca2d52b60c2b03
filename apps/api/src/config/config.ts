import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Configuration comes from environment variables only. Each is validated at start; a bad value
 * stops the process with a message naming the variable. Secrets not given in the environment are
 * generated once into DATA_DIR/secrets.json (mode 600).
 */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')]),
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  HOST: Type.String({ minLength: 1 }),
  DATA_DIR: Type.String({ minLength: 1 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 500 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
  ),
  ACCESS_TOKEN_TTL: Type.Integer({ minimum: 30, maximum: 86400 }),
  REFRESH_TOKEN_TTL: Type.Integer({ minimum: 300, maximum: 90 * 86400 }),
  SEED_DEMO: Type.Union([Type.Literal('auto'), Type.Literal('never')]),
  TRUST_PROXY: Type.Boolean(),
  CLOCK_CONTROL: Type.Boolean(),
  WEB_DIST: Type.Optional(Type.String()),
  TOKEN_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  PII_KEYS: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44})*$',
    }),
  ),
  PII_HMAC_KEY: Type.Optional(Type.String({ minLength: 32 })),
  /** Ed25519 private key (PKCS#8 PEM, or its base64) that signs member-card QR tokens. */
  CARD_SIGNING_KEY: Type.Optional(Type.String({ minLength: 40 })),
  /** Largest roster file a member import accepts, in bytes. */
  IMPORT_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 2 * 1024 * 1024 * 1024 }),
  /** Most data rows one member import reads. */
  IMPORT_MAX_ROWS: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
  /** Threads that encrypt, hash and spell out imported members (0: in the main thread); default one less than the cores, at most 4. */
  IMPORT_THREADS: Type.Integer({ minimum: 0, maximum: 16 }),
  /** API processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  API_WORKERS: Type.Integer({ minimum: 1, maximum: 64 }),
});

export type Env = Static<typeof EnvSchema>;

export interface Secrets {
  tokenSecret: Buffer;
  /** Encryption keys by id; `activeKeyId` encrypts, every listed key decrypts (rotation). */
  piiKeys: Map<string, Buffer>;
  activeKeyId: string;
  piiHmacKey: Buffer;
  /** PKCS#8 PEM of the Ed25519 key that signs member-card tokens. */
  cardSigningKeyPem: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  logLevel: Env['LOG_LEVEL'];
  accessTokenTtl: number;
  refreshTokenTtl: number;
  seedDemo: Env['SEED_DEMO'];
  trustProxy: boolean;
  /** Journeys only: the application clock can be set over HTTP (`/api/v1/test/*`); refused in production. */
  clockControl: boolean;
  webDist: string | undefined;
  importMaxBytes: number;
  importMaxRows: number;
  importThreads: number;
  apiWorkers: number;
  secrets: Secrets;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const defaults: Record<string, string> = {
  NODE_ENV: 'development',
  PORT: '3000',
  HOST: 'localhost',
  DATA_DIR: './data',
  DB_POOL_MAX: '10',
  LOG_LEVEL: 'info',
  ACCESS_TOKEN_TTL: '900',
  REFRESH_TOKEN_TTL: String(30 * 86400),
  SEED_DEMO: 'auto',
  TRUST_PROXY: 'false',
  CLOCK_CONTROL: 'false',
  IMPORT_MAX_BYTES: String(100 * 1024 * 1024),
  IMPORT_MAX_ROWS: '2000000',
  IMPORT_THREADS: String(Math.min(4, Math.max(1, availableParallelism() - 1))),
  API_WORKERS: '1',
};

const numeric = new Set([
  'PORT',
  'DB_POOL_MAX',
  'ACCESS_TOKEN_TTL',
  'REFRESH_TOKEN_TTL',
  'IMPORT_MAX_BYTES',
  'IMPORT_MAX_ROWS',
  'IMPORT_THREADS',
  'API_WORKERS',
]);
const booleans = new Set(['TRUST_PROXY', 'CLOCK_CONTROL']);

/** Turns the raw environment into typed values; a value that is not a number or boolean stays a string so validation names it. */
function coerce(raw: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = raw[key] === undefined || raw[key] === '' ? defaults[key] : raw[key];
    if (value === undefined) continue;
    if (numeric.has(key) && /^-?\d+$/.test(value)) out[key] = Number(value);
    else if (booleans.has(key) && (value === 'true' || value === 'false' || value === '1' || value === '0'))
      out[key] = value === 'true' || value === '1';
    else out[key] = value;
  }
  return out;
}

export function parseEnv(raw: Record<string, string | undefined>): Env {
  const candidate = coerce(raw);
  const problems = [...Value.Errors(EnvSchema, candidate)].map((e) => {
    const name =
      e.instancePath.replace(/^\//, '') ||
      String((e.params as { requiredProperties?: string[] }).requiredProperties ?? '');
    const secret = ['TOKEN_SECRET', 'PII_KEYS', 'PII_HMAC_KEY', 'CARD_SIGNING_KEY'].includes(name);
    const shown = secret ? '(hidden)' : JSON.stringify(raw[name]);
    return `${name}=${shown}: ${e.message}`;
  });
  const env = candidate as Env;
  if (problems.length === 0 && env.API_WORKERS > 1 && !env.DATABASE_URL)
    problems.push(
      `API_WORKERS=${env.API_WORKERS}: more than one process needs PostgreSQL (DATABASE_URL); the embedded database belongs to one process`,
    );
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return env;
}

interface SecretsFile {
  tokenSecret: string;
  piiKeys: Record<string, string>;
  activeKeyId: string;
  piiHmacKey: string;
  cardSigningKey?: string;
}

function newCardSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Reads DATA_DIR/secrets.json, creating it with fresh random secrets (mode 600) on first start. */
function loadSecretsFile(dataDir: string): SecretsFile {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    let existing: SecretsFile;
    try {
      existing = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
    } catch (err) {
      throw new ConfigError(`Cannot read ${file}: ${(err as Error).message}`);
    }
    // Secrets added by later versions are generated into a data folder made by an earlier one.
    if (!existing.cardSigningKey) {
      existing.cardSigningKey = newCardSigningKey();
      writeFileSync(file, `${JSON.stringify(existing, null, 2)}\n`, { mode: 0o600 });
    }
    return existing;
  }
  const created: SecretsFile = {
    tokenSecret: randomBytes(32).toString('base64'),
    piiKeys: { k1: randomBytes(32).toString('base64') },
    activeKeyId: 'k1',
    piiHmacKey: randomBytes(32).toString('base64'),
    cardSigningKey: newCardSigningKey(),
  };
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return created;
}

function parsePiiKeys(spec: string): { keys: Map<string, Buffer>; active: string } {
  const keys = new Map<string, Buffer>();
  let active = '';
  for (const part of spec.split(',')) {
    const [id, b64] = part.split(':') as [string, string];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new ConfigError(`PII_KEYS: key "${id}" must be 32 bytes in base64`);
    keys.set(id, key);
    active = id;
  }
  return { keys, active };
}

export function loadConfig(raw: Record<string, string | undefined> = process.env): Config {
  const env = parseEnv(raw);
  if (env.CLOCK_CONTROL && env.NODE_ENV === 'production')
    throw new ConfigError('CLOCK_CONTROL=true: a clock anyone can set over HTTP is refused in production');
  const dataDir = resolve(env.DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ConfigError(
      `DATA_DIR=${JSON.stringify(env.DATA_DIR)}: cannot create ${dataDir}: ${(err as Error).message}`,
    );
  }
  const needFile = !env.TOKEN_SECRET || !env.PII_KEYS || !env.PII_HMAC_KEY || !env.CARD_SIGNING_KEY;
  const file = needFile ? loadSecretsFile(dataDir) : undefined;
  const pii = env.PII_KEYS
    ? parsePiiKeys(env.PII_KEYS)
    : parsePiiKeys(
        Object.entries(file!.piiKeys)
          .map(([id, k]) => `${id}:${k}`)
          .join(','),
      );
  const activeKeyId = env.PII_KEYS ? pii.active : file!.activeKeyId;
  if (!pii.keys.has(activeKeyId))
    throw new ConfigError(`secrets.json: activeKeyId "${activeKeyId}" is not among piiKeys`);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    dbPoolMax: env.DB_POOL_MAX,
    logLevel: env.LOG_LEVEL,
    accessTokenTtl: env.ACCESS_TOKEN_TTL,
    refreshTokenTtl: env.REFRESH_TOKEN_TTL,
    seedDemo: env.SEED_DEMO,
    trustProxy: env.TRUST_PROXY,
    clockControl: env.CLOCK_CONTROL,
    webDist: env.WEB_DIST,
    importMaxBytes: env.IMPORT_MAX_BYTES,
    importMaxRows: env.IMPORT_MAX_ROWS,
    importThreads: env.IMPORT_THREADS,
    apiWorkers: env.API_WORKERS,
    secrets: {
      tokenSecret: Buffer.from(env.TOKEN_SECRET ?? file!.tokenSecret, env.TOKEN_SECRET ? 'utf8' : 'base64'),
      piiKeys: pii.keys,
      activeKeyId,
      piiHmacKey: Buffer.from(env.PII_HMAC_KEY ?? file!.piiHmacKey, env.PII_HMAC_KEY ? 'utf8' : 'base64'),
      cardSigningKeyPem: env.CARD_SIGNING_KEY ? pemOf(env.CARD_SIGNING_KEY) : file!.cardSigningKey!,
    },
  };
}

function pemOf(value: string): string {
  return value.includes('BEGIN PRIVATE KEY') ? value : Buffer.from(value, 'base64').toString('utf8');
}

/** Describes a database URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}/${u.pathname.replace(/^\//, '') || '(default)'}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
