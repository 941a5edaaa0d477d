// lookupProduct: the check-digit verdict for a scanned or typed code, plus what is already known about
// it: this shop's own stock first, then the mall catalog. Unknown or unreachable just means "nothing
// known" (the clerk types the rest); a wrong check digit is reported and nothing is looked up.
import type { z } from 'zod';
import { checkCode } from '../../hardware/barcode/index.ts';
import type { ProductLookup } from '../../protocol/terminal-api.ts';
import type { CatalogResult, StockInput, StockList } from '../../protocol/stock.ts';

type Lookup = z.output<typeof ProductLookup>;
type Known = Partial<z.output<typeof StockInput>>;

/** Reads the agent may make: a GET below /api/v1 with a query. */
export type ServerGet = <T>(path: string, query: Record<string, string | number>) => Promise<T>;

const stripZeros = (code: string): string => code.replace(/^0+/, '');

/** Same product code: equal as written, or the same GTIN once zero-padding is ignored. */
export function sameCode(a: string, b: string, gtin: boolean): boolean {
  return a === b || (gtin && /^\d+$/.test(a) && /^\d+$/.test(b) && stripZeros(a) === stripZeros(b));
}

export async function lookupProduct(code: string, get: ServerGet | null, role: string | null): Promise<Lookup> {
  const verdict = checkCode(code);
  const check = { valid: verdict.valid, kind: verdict.kind, ...(verdict.message ? { message: verdict.message } : {}) };
  if (!verdict.valid || !get) return { code, check, known: null };
  const gtin = verdict.kind !== 'shop_code';
  const text = code.trim();
  try {
    return { code, check, known: (role === 'shop' ? await fromStock(text, gtin, get) : null) ?? (await fromCatalog(text, gtin, get)) };
  } catch {
    return { code, check, known: null };
  }
}

async function fromStock(code: string, gtin: boolean, get: ServerGet): Promise<Known | null> {
  const list = await get<z.output<typeof StockList>>('/stock', { q: code, limit: 20 });
  const item = list.items.find((i) => sameCode(i.code, code, gtin));
  if (!item) return null;
  return { code: item.code, name: item.name, keywords: item.keywords, price: item.price, attributes: item.attributes };
}

async function fromCatalog(code: string, gtin: boolean, get: ServerGet): Promise<Known | null> {
  const result = await get<z.output<typeof CatalogResult>>('/catalog', { q: code, limit: 10 });
  const hit = result.hits.find((h) => h.code !== null && sameCode(h.code, code, gtin));
  return hit ? { code: hit.code!, name: hit.name, keywords: hit.keywords } : null;
}
