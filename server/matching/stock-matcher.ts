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
// live rows: quantity > 0 and validUntil > nowMs. A product without live rows is skipped before
// the product limit is applied (it takes no place among the productLimit best): each product keeps
// liveUntil, the latest validUntil of its rows with quantity > 0, kept current on upsert/remove,
// so "has a live row at nowMs" is liveUntil > nowMs — expiry needs no event.
import { isGtinLike, normalizeCode, normalizeText } from './normalize.ts';
import { DEFAULT_MIN_SCORE, ProductIndex, type MatchReason, type ProductHit } from './product-index.ts';

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

interface Product {
  key: string;
  code: string;
  name: string;
  keywordCounts: Map<string, number>;
  rows: StockRow[];
  /** shops[i]: the number of rows[i]'s shop (StockMatcher.shopNumber). */
  shops: number[];
  /** The latest validUntil among rows with quantity > 0 (-Infinity if none). */
  liveUntil: number;
}
interface Held { row: StockRow; product: Product; index: number }

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
  private readonly rows = new Map<string, Held>();
  private nowMs = 0;
  private readonly shopNumber = new Map<string, number>();
  private shopSeen = new Int32Array(256);
  private shopAt = new Int32Array(256);
  private shopStamp = 0;
  private readonly hasLiveRows = (key: string): boolean => this.products.get(key)!.liveUntil > this.nowMs;

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
    if (old && old.product.key === productKey && sameKeywords(old.row.keywords, row.keywords)) {
      // Quantity, price or validity changed: the index is unaffected.
      const before = old.row;
      old.row = row;
      old.product.rows[old.index] = row;
      old.product.shops[old.index] = this.shopNumberOf(row.shopId);
      this.rowChanged(old.product, before, row);
      return;
    }
    if (old) this.remove(row.id);
    let product = this.products.get(productKey);
    const isNew = !product;
    if (!product) {
      product = { key: productKey, code: row.code, name: row.name, keywordCounts: new Map(), rows: [], shops: [], liveUntil: -Infinity };
      this.products.set(productKey, product);
    }
    this.rows.set(row.id, { row, product, index: product.rows.length });
    product.rows.push(row);
    product.shops.push(this.shopNumberOf(row.shopId));
    this.rowChanged(product, null, row);
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
    const product = held.product;
    const last = product.rows.pop()!;
    const lastShop = product.shops.pop()!;
    if (last !== held.row) {
      product.rows[held.index] = last;
      product.shops[held.index] = lastShop;
      this.rows.get(last.id)!.index = held.index;
    }
    if (product.rows.length === 0) {
      this.products.delete(product.key);
      this.index.remove(product.key);
      return;
    }
    this.rowChanged(product, held.row, null);
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
    const hits = this.search(want, nowMs, opts);
    const out: StockMatch[] = [];
    for (const hit of hits) {
      const rows = this.products.get(hit.key)!.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (row.quantity > 0 && row.validUntil > nowMs) out.push({ stock: row, score: hit.score, reason: hit.reason });
      }
    }
    return opts.limit === undefined ? out : out.slice(0, opts.limit);
  }

  /**
   * One live row per shop for the want — what offer-ranking.ts keeps of match(): per shop the
   * highest score, then the lowest price, then the lowest stock id — in the order the shops first
   * appear in match() (best product first). Cheaper than match() + a per-shop pass: rows are
   * compared by shop number, and a StockMatch is made only for rows kept.
   */
  matchBestPerShop(want: WantQuery, nowMs: number, opts: Omit<MatchOptions, 'limit'> = {}): StockMatch[] {
    const hits = this.search(want, nowMs, opts);
    const out: StockMatch[] = [];
    const stamp = ++this.shopStamp;
    const { shopSeen, shopAt } = this;
    for (const hit of hits) {
      const product = this.products.get(hit.key)!;
      const { rows, shops } = product;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!(row.quantity > 0 && row.validUntil > nowMs)) continue;
        const shop = shops[i];
        if (shopSeen[shop] !== stamp) {
          shopSeen[shop] = stamp;
          shopAt[shop] = out.length;
          out.push({ stock: row, score: hit.score, reason: hit.reason });
          continue;
        }
        // Hits come best first: a later row replaces the kept one only on an equal score.
        const cur = out[shopAt[shop]];
        if (hit.score === cur.score && (row.price < cur.stock.price || (row.price === cur.stock.price && row.id < cur.stock.id))) {
          out[shopAt[shop]] = { stock: row, score: hit.score, reason: hit.reason };
        }
      }
    }
    return out;
  }

  /**
   * The kiosk's "pick a product the mall stocks": products with live stock for a typed text
   * (a name, a keyword or a code), best first. code is null unless it is a GTIN: a shop's own
   * code identifies nothing mall-wide. Spellings of one GTIN are merged (best score, all shops).
   */
  searchProducts(text: string, nowMs: number, limit: number): CatalogProduct[] {
    this.nowMs = nowMs;
    const hits = this.index.search({ code: text, text, keywords: [] }, { limit: limit * 3 + 10, accept: this.hasLiveRows });
    const out: CatalogProduct[] = [];
    const byGtin = new Map<string, { item: CatalogProduct; shops: Set<string> }>();
    for (const hit of hits) {
      const product = this.products.get(hit.key)!;
      const shops = new Set<string>();
      for (const row of product.rows) if (isLive(row, nowMs)) shops.add(row.shopId);
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

  /** The want's best products with a live row at nowMs. */
  private search(want: WantQuery, nowMs: number, opts: Omit<MatchOptions, 'limit'>): ProductHit[] {
    this.nowMs = nowMs;
    return this.index.search(
      { code: want.productCode, text: want.productName, keywords: want.keywords },
      { minScore: opts.minScore ?? DEFAULT_MIN_SCORE, limit: opts.productLimit ?? DEFAULT_PRODUCT_LIMIT, accept: this.hasLiveRows },
    );
  }

  /** Keeps product.liveUntil current when a row is added (before null), changed, or removed (after null). */
  private rowChanged(product: Product, before: StockRow | null, after: StockRow | null): void {
    if (after && after.quantity > 0 && after.validUntil > product.liveUntil) product.liveUntil = after.validUntil;
    if (before && before.quantity > 0 && before.validUntil >= product.liveUntil && !(after && after.quantity > 0 && after.validUntil >= before.validUntil)) {
      let until = -Infinity;
      for (const row of product.rows) if (row.quantity > 0 && row.validUntil > until) until = row.validUntil;
      product.liveUntil = until;
    }
  }

  private shopNumberOf(shopId: string): number {
    let n = this.shopNumber.get(shopId);
    if (n === undefined) {
      n = this.shopNumber.size;
      this.shopNumber.set(shopId, n);
      if (n >= this.shopSeen.length) {
        const seen = new Int32Array(this.shopSeen.length * 2);
        seen.set(this.shopSeen);
        this.shopSeen = seen;
        this.shopAt = new Int32Array(seen.length);
      }
    }
    return n;
  }

  private reindex(product: Product): void {
    this.index.upsert({ key: product.key, code: product.code, name: product.name, keywords: [...product.keywordCounts.keys()] });
  }
}
