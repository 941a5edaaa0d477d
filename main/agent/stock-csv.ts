// Stock CSV import: header row `code,name,keywords,quantity,price,valid_until` (any order, case and
// spaces ignored), RFC 4180 quoting (commas, quotes doubled, line breaks inside quotes), keywords
// separated by `|` or `;`, valid_until an ISO time or a date (end of that day, local time).
// Every row is checked against the protocol's StockInput; errors name the row (the header is row 1)
// and the field.
import { StockInput } from '../../protocol/stock.ts';
import type { z } from 'zod';

export const STOCK_CSV_COLUMNS = ['code', 'name', 'keywords', 'quantity', 'price', 'valid_until'] as const;
const REQUIRED = ['code', 'name', 'quantity', 'price', 'valid_until'];

export interface CsvRowError { row: number; field?: string; message: string }
export interface ParsedStockCsv {
  /** Data rows (blank lines excluded). */
  total: number;
  valid: { row: number; input: z.output<typeof StockInput> }[];
  errors: CsvRowError[];
}

/** Splits CSV text into records of fields, with the 1-based line each record starts on. */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: start, fields });
      fields = []; field = ''; line++; start = line;
    } else field += c;
  }
  if (quoted) throw new Error(`CSV: a quoted field opened on line ${start} never closes`);
  if (field !== '' || fields.length > 0) { fields.push(field); records.push({ line: start, fields }); }
  return records;
}

function validUntil(raw: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!date) return raw;
  return new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]), 23, 59, 59).toISOString();
}

const numberOrText = (raw: string): number | string => (raw.trim() === '' || Number.isNaN(Number(raw)) ? raw : Number(raw));

const fieldName = (path: PropertyKey[]): string => {
  const head = String(path[0] ?? '');
  return head === 'validUntil' ? 'valid_until' : head;
};

export function parseStockCsv(text: string): ParsedStockCsv {
  const records = parseCsvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length === 0) return { total: 0, valid: [], errors: [{ row: 1, message: `empty file: expected a header row ${STOCK_CSV_COLUMNS.join(',')}` }] };
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(STOCK_CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length) {
    const parts = [missing.length ? `missing column(s) ${missing.join(', ')}` : '', unknown.length ? `unknown column(s) ${unknown.join(', ')}` : ''].filter(Boolean);
    return { total: records.length - 1, valid: [], errors: [{ row: 1, message: `header: ${parts.join('; ')} (expected ${STOCK_CSV_COLUMNS.join(',')})` }] };
  }
  const valid: ParsedStockCsv['valid'] = [];
  const errors: CsvRowError[] = [];
  for (const record of records.slice(1)) {
    const row = record.line;
    if (record.fields.length !== header.length) {
      errors.push({ row, message: `has ${record.fields.length} fields, the header has ${header.length}` });
      continue;
    }
    const cell = (name: string) => (record.fields[header.indexOf(name)] ?? '').trim();
    const candidate = {
      code: cell('code'),
      name: cell('name'),
      keywords: header.includes('keywords') ? cell('keywords').split(/[|;]/).map((k) => k.trim()).filter(Boolean) : [],
      quantity: numberOrText(cell('quantity')),
      price: numberOrText(cell('price')),
      validUntil: validUntil(cell('valid_until')),
    };
    const parsed = StockInput.safeParse(candidate);
    if (parsed.success) valid.push({ row, input: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ row, field: fieldName(issue.path), message: issue.message });
  }
  return { total: records.length - 1, valid, errors };
}
