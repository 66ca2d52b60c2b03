import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { backupInvalid } from './backup.errors.js';

/**
 * The portable backup file: gzip around
 *
 *   {"format":"unionhub-backup","version":1,…header…}\n
 *   --table "orgs"\n
 *   --chunk 65536\n<65536 bytes of COPY text>--chunk 120\n<120 bytes>…
 *   --end\n
 *   …one such section per table, in header order (parents before children)…
 *   --eof\n
 *
 * Data is COPY text format, which both engines read and write identically, so a file taken on
 * one engine loads on the other. Chunks carry their length because COPY data is arbitrary
 * bytes; the closing `--eof` together with gzip's own CRC makes a cut-off file detectable.
 */
export const BACKUP_FORMAT = 'unionhub-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupMigration {
  hash: string;
  createdAt: number;
}

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
  checksum: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  engine: string;
  serverVersion: string;
  migrations: BackupMigration[];
  tables: BackupTable[];
}

/** Keeps a corrupt file from making the reader buffer without bound while it looks for a newline. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

export async function* encodeBackup(
  header: BackupHeader,
  dataOf: (table: BackupTable) => AsyncIterable<Uint8Array>,
): AsyncGenerator<Buffer> {
  yield Buffer.from(`${JSON.stringify(header)}\n`);
  for (const table of header.tables) {
    yield Buffer.from(`--table ${JSON.stringify(table.name)}\n`);
    for await (const chunk of dataOf(table)) {
      if (chunk.length === 0) continue;
      yield Buffer.from(`--chunk ${chunk.length}\n`);
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    }
    yield Buffer.from('--end\n');
  }
  yield Buffer.from('--eof\n');
}

/** Reads a backup file front to back without holding more than one chunk in memory. */
export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private parsedHeader: BackupHeader | undefined;

  private constructor(
    private readonly source: AsyncIterator<Buffer>,
    private readonly destroy: () => void,
  ) {}

  static async open(file: string): Promise<BackupReader> {
    // A missing or unreadable file is an operator's mistake, not a damaged backup: report it as is.
    await access(file);
    const gunzip = createReadStream(file).pipe(createGunzip());
    const reader = new BackupReader(gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>, () =>
      gunzip.destroy(),
    );
    try {
      reader.parsedHeader = parseHeader(await reader.readLine());
      return reader;
    } catch (err) {
      reader.close();
      throw err;
    }
  }

  get header(): BackupHeader {
    if (!this.parsedHeader) throw new Error('The backup header has not been read');
    return this.parsedHeader;
  }

  async beginTable(name: string): Promise<void> {
    const line = await this.readLine();
    if (line !== `--table ${JSON.stringify(name)}`)
      throw backupInvalid(
        `The backup file is damaged: expected the data of table "${name}", found "${line.slice(0, 80)}"`,
      );
  }

  /** The current table's COPY data, chunk by chunk, up to its `--end` line. */
  async *tableData(): AsyncGenerator<Buffer> {
    for (;;) {
      const line = await this.readLine();
      if (line === '--end') return;
      const match = /^--chunk ([1-9]\d{0,9})$/.exec(line);
      if (!match) throw backupInvalid(`The backup file is damaged: unexpected line "${line.slice(0, 80)}"`);
      let remaining = Number(match[1]);
      while (remaining > 0) {
        if (this.buffer.length === 0 && !(await this.fill())) throw truncated();
        const piece = this.buffer.subarray(0, remaining);
        this.buffer = this.buffer.subarray(piece.length);
        remaining -= piece.length;
        yield piece;
      }
    }
  }

  /** Confirms the file ends where it says it does; gzip checks its CRC on the way. */
  async finish(): Promise<void> {
    const line = await this.readLine();
    if (line !== '--eof')
      throw backupInvalid(`The backup file is damaged: unexpected line "${line.slice(0, 80)}"`);
    if (this.buffer.length > 0 || (await this.fill()))
      throw backupInvalid('The backup file is damaged: data follows the end marker');
  }

  close(): void {
    this.destroy();
  }

  private async readLine(): Promise<string> {
    let searchFrom = 0;
    for (;;) {
      const newline = this.buffer.indexOf(10, searchFrom);
      if (newline >= 0) {
        const line = this.buffer.subarray(0, newline).toString('utf8');
        this.buffer = this.buffer.subarray(newline + 1);
        return line;
      }
      if (this.buffer.length > MAX_LINE_BYTES)
        throw backupInvalid('The backup file is damaged: a header line is too long');
      searchFrom = this.buffer.length;
      if (!(await this.fill())) throw truncated();
    }
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.source.next();
    } catch (err) {
      throw streamError(err);
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }
}

const truncated = () => backupInvalid('The backup file is incomplete: it ends before its end marker');

function streamError(err: unknown): Error {
  // zlib reports a bad header, a bad block, a wrong CRC and a cut-off stream with Z_* codes.
  if (((err as NodeJS.ErrnoException).code ?? '').startsWith('Z_'))
    return backupInvalid(`The backup file is damaged or not a backup (${(err as Error).message})`);
  return err as Error;
}

function parseHeader(line: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw backupInvalid('Not a UnionHub backup: the file does not start with a backup header');
  }
  const h = value as Partial<BackupHeader> | null;
  if (h?.format !== BACKUP_FORMAT) throw backupInvalid('Not a UnionHub backup: unknown format');
  if (h.version !== BACKUP_FORMAT_VERSION)
    throw backupInvalid(
      `Backup format version ${String(h.version)} is not supported (this build reads version ${BACKUP_FORMAT_VERSION})`,
    );
  const problems: { path: string; message: string }[] = [];
  if (typeof h.createdAt !== 'string') problems.push({ path: 'createdAt', message: 'missing' });
  if (typeof h.engine !== 'string') problems.push({ path: 'engine', message: 'missing' });
  if (!Array.isArray(h.migrations) || !h.migrations.every(isMigration))
    problems.push({ path: 'migrations', message: 'must list {hash, createdAt}' });
  if (!Array.isArray(h.tables) || !h.tables.every(isTable))
    problems.push({ path: 'tables', message: 'must list {name, columns, rows, checksum}' });
  if (problems.length) throw backupInvalid('The backup header is damaged', problems);
  return h as BackupHeader;
}

function isMigration(m: unknown): m is BackupMigration {
  const x = m as BackupMigration | null;
  return typeof x?.hash === 'string' && Number.isSafeInteger(x.createdAt);
}

function isTable(t: unknown): t is BackupTable {
  const x = t as BackupTable | null;
  return (
    typeof x?.name === 'string' &&
    Array.isArray(x.columns) &&
    x.columns.every((c) => typeof c === 'string') &&
    Number.isSafeInteger(x.rows) &&
    typeof x.checksum === 'string'
  );
}
