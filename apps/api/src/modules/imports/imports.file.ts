import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { IMPORT_COLUMNS } from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { AppContext } from '../../platform/context.js';
import { fileInvalid } from './imports.errors.js';

/** Where uploaded rosters wait to be read; each is removed once its rows are checked. */
export const importsDir = (ctx: AppContext) => join(ctx.config.dataDir, 'imports');

/**
 * Reading a roster file: its kind from its bytes (never its name), the header mapped to the
 * template's columns, then the data rows one at a time (streaming: memory stays flat whatever the size).
 */

export type ImportFormat = 'csv' | 'xlsx';
export type CsvEncoding = 'utf8' | 'gb18030';
export interface FileKind {
  format: ImportFormat;
  encoding: CsvEncoding;
}

/** The template's fields, in column order, and their headers without the required mark. */
export const FIELDS = [
  'name',
  'idNumber',
  'phone',
  'joinedOn',
  'employerName',
  'creditCode',
  'categories',
  'orgId',
] as const;
export type Field = (typeof FIELDS)[number];
export const HEADERS = IMPORT_COLUMNS.map((c) => c.replace(/\*$/, ''));
const REQUIRED: Field[] = ['name', 'idNumber', 'phone', 'joinedOn'];

export type Cell = string | number | boolean | Date | null;
export interface RawRow {
  /** The row's number as a spreadsheet program shows it (the header is row 1 unless blank rows precede it). */
  rowNo: number;
  cells: Cell[];
}

const SAMPLE = 64 * 1024;

/** The zip's entry names, read from its central directory (xlsx and docx are both zips). */
async function zipEntryNames(path: string, size: number): Promise<string[] | null> {
  const handle = await open(path, 'r');
  try {
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return null;
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size || cdSize > 16 * 1024 * 1024) return null;
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const names: string[] = [];
    let at = 0;
    for (let i = 0; i < entries && at + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLen = cd.readUInt16LE(at + 28);
      const extraLen = cd.readUInt16LE(at + 30);
      const commentLen = cd.readUInt16LE(at + 32);
      names.push(cd.toString('utf8', at + 46, at + 46 + nameLen));
      at += 46 + nameLen + extraLen + commentLen;
    }
    return names;
  } finally {
    await handle.close();
  }
}

function isUtf8(sample: Buffer, complete: boolean): boolean {
  // A multi-byte character may be cut at the end of the sample: drop up to three trailing bytes.
  let end = sample.length;
  if (!complete) {
    let back = 0;
    while (back < 3 && end > 0 && (sample[end - 1]! & 0xc0) === 0x80) {
      end--;
      back++;
    }
    if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** What the file is, by its first bytes: an xlsx workbook or a text (csv) file in UTF-8 or GBK. */
export async function detectFileKind(path: string, size: number): Promise<FileKind> {
  if (size === 0) throw fileInvalid('文件是空的');
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, SAMPLE));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const names = await zipEntryNames(path, size);
    if (!names) throw fileInvalid('文件是损坏的压缩包，不是可读的 Excel 工作簿');
    if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml'))
      throw fileInvalid('文件不是 Excel 工作簿（xlsx），可能是 Word 文档或其他压缩包');
    return { format: 'xlsx', encoding: 'utf8' };
  }
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw fileInvalid('不支持旧版 Excel（xls）文件，请在 Excel 中另存为 xlsx 或 csv 后再导入');
  if (head.includes(0)) throw fileInvalid('文件不是表格（xlsx 或 csv），可能是图片、PDF 或其他文件');
  if (head.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return { format: 'csv', encoding: 'utf8' };
  if (isUtf8(head, head.length === size)) return { format: 'csv', encoding: 'utf8' };
  // Excel in China saves csv in the ANSI code page, GBK; GB 18030 is its superset.
  const text = iconv.decode(head, 'gb18030');
  let controls = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) controls++;
  }
  if (controls > text.length / 100) throw fileInvalid('文件不是表格（xlsx 或 csv），无法识别其中的文字');
  return { format: 'csv', encoding: 'gb18030' };
}

/** Rows of a csv file (RFC 4180: quoted fields, doubled quotes, CRLF or LF), decoded on the fly. */
async function* csvRows(
  path: string,
  encoding: CsvEncoding,
  onBytes: (n: number) => void,
): AsyncGenerator<RawRow> {
  const source = createReadStream(path);
  source.on('data', (chunk) => onBytes(chunk.length));
  const decoded = source.pipe(iconv.decodeStream(encoding, { stripBOM: true }));
  let field = '';
  let row: string[] = [];
  // 0: outside quotes; 1: inside quotes; 2: a quote seen inside quotes (doubled, or the closing one).
  let state = 0;
  let rowNo = 1;
  let pendingCr = false;
  try {
    for await (const chunk of decoded as AsyncIterable<string>) {
      const out: RawRow[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        if (pendingCr) {
          pendingCr = false;
          if (c === '\n') continue;
        }
        if (state === 1) {
          if (c === '"') state = 2;
          else field += c;
        } else if (state === 2 && c === '"') {
          field += '"';
          state = 1;
        } else {
          state = 0;
          if (c === '"' && field === '') state = 1;
          else if (c === ',') {
            row.push(field);
            field = '';
          } else if (c === '\n' || c === '\r') {
            row.push(field);
            out.push({ rowNo: rowNo++, cells: row });
            row = [];
            field = '';
            pendingCr = c === '\r';
          } else field += c;
        }
        if (field.length > 100_000) throw fileInvalid(`第 ${rowNo} 行的单元格过长，文件可能不是名册`);
      }
      yield* out;
    }
  } finally {
    source.destroy();
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    yield { rowNo, cells: row };
  }
}

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (v.text !== undefined) return xlsxCell(v.text);
    if (v.error) return String(v.error);
  }
  return String(value);
}

/** Rows of the workbook's first sheet, through exceljs's streaming reader. */
async function* xlsxRows(path: string, onBytes: (n: number) => void): AsyncGenerator<RawRow> {
  const source = createReadStream(path);
  source.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield { rowNo: row.number, cells };
      }
      return;
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'IMPORT_FILE_INVALID') throw err;
    throw fileInvalid(`Excel 工作簿无法读取：${(err as Error).message}`);
  } finally {
    source.destroy();
  }
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const isBlank = (cells: Cell[]) => cells.every((c) => cellText(c) === '');

/** Header text as matched: spaces and a trailing required mark (* or ＊) ignored. */
export const headerKey = (text: string) => text.replace(/\s+/g, '').replace(/[*＊]+$/, '');

/** Where each field's column is in the file, from its header row. */
export type ColumnMap = Record<Field, number | undefined>;

function mapHeader(cells: Cell[]): ColumnMap {
  const keys = cells.map((c) => headerKey(cellText(c)));
  const map = {} as ColumnMap;
  FIELDS.forEach((field, i) => {
    const at = keys.indexOf(HEADERS[i]!);
    map[field] = at >= 0 ? at : undefined;
  });
  const missing = REQUIRED.filter((f) => map[f] === undefined).map((f) => HEADERS[FIELDS.indexOf(f)]!);
  if (missing.length)
    throw fileInvalid(`缺少必填列：${missing.join('、')}。请使用下载的模板，第一行为表头`, {
      missingColumns: missing,
    });
  return map;
}

export interface OpenedRoster {
  columns: ColumnMap;
  headerRowNo: number;
  /** The data rows after the header, blank ones skipped. */
  rows: AsyncGenerator<RawRow>;
}

/**
 * Opens a roster: finds the header (the first non-blank row), maps it, and hands out the data rows.
 * Refuses a file whose header lacks a required column.
 */
export async function openRoster(
  path: string,
  kind: FileKind,
  onBytes: (n: number) => void = () => undefined,
): Promise<OpenedRoster> {
  const source = kind.format === 'xlsx' ? xlsxRows(path, onBytes) : csvRows(path, kind.encoding, onBytes);
  let header: RawRow | undefined;
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    await source.return(undefined);
    throw fileInvalid('文件中没有内容：第一行应为表头');
  }
  let columns: ColumnMap;
  try {
    columns = mapHeader(header.cells);
  } catch (err) {
    await source.return(undefined);
    throw err;
  }
  async function* dataRows(): AsyncGenerator<RawRow> {
    for await (const row of source) if (!isBlank(row.cells)) yield row;
  }
  return { columns, headerRowNo: header.rowNo, rows: dataRows() };
}

/** The row's cells in template order, whatever order the file has them in. */
export function cellsInTemplateOrder(row: RawRow, columns: ColumnMap): Cell[] {
  return FIELDS.map((f) => {
    const at = columns[f];
    return at === undefined ? null : (row.cells[at] ?? null);
  });
}
