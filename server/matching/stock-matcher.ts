// The matcher of claims 1 and 17: a customer's want matches stock of the same product (code) or
// of the same or a similar product (name, keyword; Japanese and English). It keeps its own
// in-memory index, rebuilt from the store at start (upsert every row) and kept current on every
// stock write (upsert/remove). The store stays the truth.
//
// Products, not stock rows, are indexed: rows of one product in many shops share one product
// entry, and a product hit expands to its rows. The product key is
//   "<code>|<normalized name>"   with the code normalized (normalizeCode).
// Why: a GTIN/JAN (isGtinLike) names one product mall-wide, so every shop's row with that code
// and name meets in one entry. A shop's own code means nothing elsewhere, but the same code
// with the same normalized name in two shops (a chain's SKU) is the same product, so it is not
// scoped by shop either. The name is part of the key because shops may type different names for
// one GTIN; each spelling is its own entry (all found by the code), so every spelling is
// searchable. The entry's keywords are the union of its rows' keywords. Removing the last row
// removes the product.
//
// Liveness: rows stay indexed until the store deletes them, but match/searchProducts offer only
// live rows: quantity > 0 and validUntil > nowMs.
import { isGtinLike, normalizeCode, normalizeText } from './normalize.ts';
import { DEFAULT_MIN_SCORE, ProductIndex, type MatchReason } from './product-index.ts';

export interface StockRow { id: string; shopId: string; code: string; name: string; keywords: string[]; quantity: number; price: number; validUntil: number /* epoch ms */ }
export interface WantQuery { productName?: string | null; productCode?: string | null; keywords: string[] }
export interface StockMatch { stock: StockRow; score: number; reason: MatchReason }
export interface MatchOptions {
  minScore?: number;
  /** At most this many stock matches (default: all rows of the matched products). */
  limit?: number;
  /** At most this many distinct products per want (default 10), best first. */
  productLimit?: number;
}
export interface CatalogProduct { code: string | null; name: string; keywords: string[]; shops: number; score: number }

export const DEFAULT_PRODUCT_LIMIT = 10;

interface Product { key: string; code: string; name: string; keywordCounts: Map<string, number>; rows: Map<string, StockRow> }

export function productKeyOf(row: Pick<StockRow, 'code' | 'name'>): string {
  return `${normalizeCode(row.code)}|${normalizeText(row.name)}`;
}

export function isLive(row: StockRow, nowMs: number): boolean {
  return row.quantity > 0 && row.validUntil > nowMs;
}

function sameKeywords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

export class StockMatcher {
  private readonly index = new ProductIndex();
  private readonly products = new Map<string, Product>();
  private readonly rows = new Map<string, { row: StockRow; productKey: string }>();

  get size(): number {
    return this.rows.size;
  }

  /** Distinct products indexed. */
  get productCount(): number {
    return this.products.size;
  }

  get(stockId: string): StockRow | undefined {
    return this.rows.get(stockId)?.row;
  }

  upsert(row: StockRow): void {
    const productKey = productKeyOf(row);
    const old = this.rows.get(row.id);
    if (old && old.productKey === productKey && sameKeywords(old.row.keywords, row.keywords)) {
      // Quantity, price or validity changed: the index is unaffected.
      this.products.get(productKey)!.rows.set(row.id, row);
      old.row = row;
      return;
    }
    if (old) this.remove(row.id);
    let product = this.products.get(productKey);
    const isNew = !product;
    if (!product) {
      product = { key: productKey, code: row.code, name: row.name, keywordCounts: new Map(), rows: new Map() };
      this.products.set(productKey, product);
    }
    product.rows.set(row.id, row);
    this.rows.set(row.id, { row, productKey });
    let keywordsChanged = false;
    for (const k of new Set(row.keywords)) {
      const n = product.keywordCounts.get(k) ?? 0;
      product.keywordCounts.set(k, n + 1);
      if (n === 0) keywordsChanged = true;
    }
    if (isNew || keywordsChanged) this.reindex(product);
  }

  remove(stockId: string): void {
    const held = this.rows.get(stockId);
    if (!held) return;
    this.rows.delete(stockId);
    const product = this.products.get(held.productKey)!;
    product.rows.delete(stockId);
    if (product.rows.size === 0) {
      this.products.delete(product.key);
      this.index.remove(product.key);
      return;
    }
    let keywordsChanged = false;
    for (const k of new Set(held.row.keywords)) {
      const n = product.keywordCounts.get(k)! - 1;
      if (n === 0) {
        product.keywordCounts.delete(k);
        keywordsChanged = true;
      } else product.keywordCounts.set(k, n);
    }
    if (keywordsChanged) this.reindex(product);
  }

  clear(): void {
    this.index.clear();
    this.products.clear();
    this.rows.clear();
  }

  /**
   * Live stock rows matching the want, best product first (score desc, then product key); the
   * rows of one product come in no particular order — callers rank shops themselves (rank.ts),
   * so no sort is spent here.
   */
  match(want: WantQuery, nowMs: number, opts: MatchOptions = {}): StockMatch[] {
    const hits = this.index.search(
      { code: want.productCode, text: want.productName, keywords: want.keywords },
      { minScore: opts.minScore ?? DEFAULT_MIN_SCORE, limit: opts.productLimit ?? DEFAULT_PRODUCT_LIMIT },
    );
    const out: StockMatch[] = [];
    for (const hit of hits) {
      for (const row of this.products.get(hit.key)!.rows.values()) {
        if (isLive(row, nowMs)) out.push({ stock: row, score: hit.score, reason: hit.reason });
      }
    }
    return opts.limit === undefined ? out : out.slice(0, opts.limit);
  }

  /**
   * The kiosk's "pick a product the mall stocks": products with live stock for a typed text
   * (a name, a keyword or a code), best first. code is null unless it is a GTIN: a shop's own
   * code identifies nothing mall-wide. Spellings of one GTIN are merged (best score, all shops).
   */
  searchProducts(text: string, nowMs: number, limit: number): CatalogProduct[] {
    const hits = this.index.search({ code: text, text, keywords: [] }, { limit: limit * 3 + 10 });
    const out: CatalogProduct[] = [];
    const byGtin = new Map<string, { item: CatalogProduct; shops: Set<string> }>();
    for (const hit of hits) {
      const product = this.products.get(hit.key)!;
      const shops = new Set<string>();
      for (const row of product.rows.values()) if (isLive(row, nowMs)) shops.add(row.shopId);
      if (shops.size === 0) continue;
      const gtin = isGtinLike(product.code) ? normalizeCode(product.code) : null;
      const merged = gtin === null ? undefined : byGtin.get(gtin);
      if (merged) {
        for (const s of shops) merged.shops.add(s);
        merged.item.shops = merged.shops.size;
        continue;
      }
      const item = { code: gtin, name: product.name, keywords: [...product.keywordCounts.keys()], shops: shops.size, score: hit.score };
      if (gtin !== null) byGtin.set(gtin, { item, shops });
      out.push(item);
    }
    return out.slice(0, limit);
  }

  private reindex(product: Product): void {
    this.index.upsert({ key: product.key, code: product.code, name: product.name, keywords: [...product.keywordCounts.keys()] });
  }
}
