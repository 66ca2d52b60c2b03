import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { GENERATOR_VERSION } from '../synthetic/index.js';
import { generateProvince, PROVINCE_CODE, type SyntheticOrg } from '../synthetic/province.js';
import { formatCardNumber, inTransaction, nameKeys, recountRollups } from './app.js';
import { MEMBER_COLUMNS, type PiiSecrets } from './encode.js';

/** What the loader needs from an engine: one session for statements and COPY (settings stick to it). */
export interface LoadSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** COPY rows (text format) into a table; `rows` yields chunks of whole lines. */
  copy(table: string, columns: readonly string[], rows: AsyncIterable<string>): Promise<void>;
}

export interface LoadOptions {
  members: number;
  seed: number;
  secrets: PiiSecrets;
  /** A card for one member in this many, for the verification benchmark. */
  cardEvery: number;
  log: (line: string) => void;
}

export interface Marker {
  members: number;
  generatorVersion: number;
  seed: number;
  secretsId: string;
  buildSeconds: number;
}

const ROWS_PER_TASK = 5_000;

/** Orgs as COPY text rows, pinyin keys from the app's own function. */
function orgRows(orgs: SyntheticOrg[]): string {
  const now = '2026-01-01 00:00:00+08';
  return orgs
    .map((o) => {
      const keys = nameKeys(o.name);
      return [
        o.id,
        o.parentId ?? '\\N',
        o.path,
        o.depth,
        o.level,
        o.kind,
        o.name,
        keys.pinyin,
        keys.initials,
        o.regionCode,
        o.industryCode ?? '\\N',
        o.foundedOn ?? '\\N',
        PROVINCE_CODE,
        'active',
        now,
        now,
      ].join('\t');
    })
    .join('\n')
    .concat('\n');
}

async function* once(text: string) {
  yield text;
}

/**
 * Member rows from worker threads: each encodes ranges of ROWS_PER_TASK members (sealing and
 * hashing is the costly part); at most two ranges per worker are in flight, so memory stays bounded.
 */
/** The worker is TypeScript too: it registers tsx, as the script that starts it did, then loads. */
const workerBoot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(new URL('./encode-worker.ts', import.meta.url).href)});
});`;

async function* encodedMembers(opts: LoadOptions, threads: number): AsyncGenerator<string> {
  const workers = Array.from(
    { length: threads },
    () => new Worker(workerBoot, { eval: true, workerData: { seed: opts.seed, secrets: opts.secrets } }),
  );
  const done: { text: string; worker: Worker }[] = [];
  let wake: (() => void) | null = null;
  let failed: Error | null = null;
  let next = 1;
  let inFlight = 0;
  const give = (w: Worker) => {
    if (next > opts.members) return;
    const from = next;
    const to = Math.min(opts.members + 1, from + ROWS_PER_TASK);
    next = to;
    inFlight++;
    w.postMessage({ from, to });
  };
  for (const w of workers) {
    w.on('error', (err) => {
      failed = err;
      wake?.();
    });
    w.on('message', (msg: { ready?: true; text?: string }) => {
      if (msg.ready) {
        give(w);
        give(w);
      } else {
        inFlight--;
        done.push({ text: msg.text!, worker: w });
      }
      wake?.();
    });
  }
  try {
    while (true) {
      if (failed) throw failed;
      const item = done.shift();
      if (item) {
        // The worker gets its next range only when its last one is taken: memory stays bounded.
        give(item.worker);
        yield item.text;
        continue;
      }
      if (next > opts.members && inFlight === 0) return;
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = null;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Secondary indexes of a table, to drop before a bulk load and build again after. */
async function secondaryIndexes(s: LoadSession, table: string) {
  return s.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.tablename = $1 and i.schemaname = 'public'
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Fills an empty, migrated database with the synthetic province: orgs with their ltree paths,
 * `members` members by COPY in the stored form the app writes, their first status-history row,
 * cards for a sample, then the secondary indexes and the statistics rollups (the rollup triggers
 * are off during the load through `unionhub.restoring`, and the app's recount rebuilds them).
 */
export async function loadProvince(
  s: LoadSession,
  ctx: { db: Parameters<typeof recountRollups>[0] },
  opts: LoadOptions,
): Promise<void> {
  const log = opts.log;
  let t = performance.now();
  const orgs = generateProvince({ seed: opts.seed });
  await s.query(`set unionhub.restoring = 'on'`);
  await s.copy(
    'orgs',
    [
      'id',
      'parent_id',
      'path',
      'depth',
      'level',
      'kind',
      'name',
      'name_pinyin',
      'name_initials',
      'region_code',
      'industry_code',
      'founded_on',
      'province_code',
      'status',
      'created_at',
      'updated_at',
    ],
    once(orgRows(orgs)),
  );
  await s.query(`select setval(pg_get_serial_sequence('orgs', 'id'), $1)`, [orgs.length]);
  log(`orgs: ${orgs.length} in ${seconds(t)} s`);

  const dropped = [
    ...(await secondaryIndexes(s, 'members')),
    ...(await secondaryIndexes(s, 'member_status_history')),
  ];
  for (const ix of dropped) await s.query(`drop index ${ix.name}`);

  t = performance.now();
  const threads = Math.max(1, Math.min(availableParallelism(), 4));
  let loaded = 0;
  let lastLog = performance.now();
  async function* counted() {
    for await (const chunk of encodedMembers(opts, threads)) {
      loaded += ROWS_PER_TASK;
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        log(
          `members: ${Math.min(loaded, opts.members).toLocaleString('en')} (${Math.round(loaded / ((performance.now() - t) / 1000)).toLocaleString('en')}/s)`,
        );
      }
      yield chunk;
    }
  }
  await s.copy('members', MEMBER_COLUMNS, counted());
  // With no members (an org tree only) the sequence starts at 1 again.
  await s.query(
    `select setval(pg_get_serial_sequence('members', 'id'), greatest($1::bigint, 1), $1::bigint > 0)`,
    [opts.members],
  );
  log(`members: ${opts.members.toLocaleString('en')} in ${seconds(t)} s (${threads} encoding threads)`);

  t = performance.now();
  await s.query(`insert into member_status_history (province_code, member_id, from_status, to_status, org_id, actor_type, at)
    select province_code, id, null, 'active', org_id, 'system', created_at from members`);
  log(`status history in ${seconds(t)} s`);

  t = performance.now();
  const cards = await issueCards(s, opts.cardEvery);
  log(`cards: ${cards} in ${seconds(t)} s`);

  for (const ix of dropped) {
    t = performance.now();
    await s.query(ix.def);
    log(`index ${ix.name} in ${seconds(t)} s`);
  }
  await s.query(`reset unionhub.restoring`);

  t = performance.now();
  await inTransaction(ctx.db, (tx) => recountRollups(tx));
  log(`rollups recounted in ${seconds(t)} s`);
  t = performance.now();
  await s.query('vacuum analyze');
  log(`vacuum analyze in ${seconds(t)} s`);
}

/** Cards for every `every`-th member, numbered per region and year as the app numbers them. */
async function issueCards(s: LoadSession, every: number): Promise<number> {
  const rows = await s.query<{
    id: number | string;
    org_id: number | string;
    region_code: string;
    province_code: string;
  }>(
    `select m.id, m.org_id, o.region_code, m.province_code from members m join orgs o on o.id = m.org_id
     where m.id % $1 = 1 order by m.id`,
    [every],
  );
  const year = 2026;
  const issuedAt = '2026-01-05 09:00:00+08';
  const serials = new Map<string, number>();
  const lines: string[] = [];
  const numbers: string[] = [];
  rows.forEach((r, i) => {
    const serial = (serials.get(r.region_code) ?? 0) + 1;
    serials.set(r.region_code, serial);
    const cardNo = formatCardNumber({ regionCode: r.region_code, year, serial });
    lines.push([i + 1, r.province_code, r.id, r.org_id, cardNo, 'active', issuedAt, issuedAt].join('\t'));
    numbers.push(cardNo);
  });
  if (lines.length === 0) return 0;
  await s.copy(
    'member_cards',
    ['id', 'province_code', 'member_id', 'org_id', 'card_no', 'status', 'issued_at', 'status_changed_at'],
    once(`${lines.join('\n')}\n`),
  );
  await s.query(`select setval(pg_get_serial_sequence('member_cards', 'id'), $1)`, [lines.length]);
  await s.query(`update members m set card_no = c.card_no from member_cards c where c.member_id = m.id`);
  await s.query(
    `insert into card_serials (region_code, year, last) select k, $2, v::int from jsonb_each_text($1::jsonb) as e(k, v)`,
    [JSON.stringify(Object.fromEntries(serials)), year],
  );
  return lines.length;
}

export const MARKER_TABLE = 'bench_marker';

export async function readMarker(s: Pick<LoadSession, 'query'>): Promise<Marker | null> {
  const rows = await s
    .query<{
      members: number | string;
      generator_version: number;
      seed: number;
      secrets_id: string;
      build_seconds: number | string;
    }>(`select members, generator_version, seed, secrets_id, build_seconds from ${MARKER_TABLE} limit 1`)
    .catch(() => []);
  const r = rows[0];
  return r
    ? {
        members: Number(r.members),
        generatorVersion: r.generator_version,
        seed: r.seed,
        secretsId: r.secrets_id,
        buildSeconds: Number(r.build_seconds),
      }
    : null;
}

export async function writeMarker(s: Pick<LoadSession, 'query'>, m: Omit<Marker, 'generatorVersion'>) {
  await s.query(`create table if not exists ${MARKER_TABLE} (members bigint not null, generator_version int not null,
    seed int not null, secrets_id text not null, build_seconds numeric not null, built_at timestamptz not null default now())`);
  await s.query(`delete from ${MARKER_TABLE}`);
  await s.query(
    `insert into ${MARKER_TABLE} (members, generator_version, seed, secrets_id, build_seconds) values ($1, $2, $3, $4, $5)`,
    [m.members, GENERATOR_VERSION, m.seed, m.secretsId, m.buildSeconds],
  );
}

export function markerMatches(m: Marker | null, want: { members: number; seed: number; secretsId: string }) {
  return (
    m !== null &&
    m.members === want.members &&
    m.generatorVersion === GENERATOR_VERSION &&
    m.seed === want.seed &&
    m.secretsId === want.secretsId
  );
}
