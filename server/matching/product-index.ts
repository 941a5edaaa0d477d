// In-memory index of distinct products: exact code, exact normalized name, keywords, and an
// inverted n-gram index (gram-index.ts) for similar names. Thousands of products, not stock
// rows: the stock matcher expands product hits to the shops that hold them.
//
// Scores (0..1; higher is a better match, 1 = the same product):
//   code          1                         exact product code (normalizeCode)
//   name          0.99                      normalized name equal to the query text
//   keyword       0.6 + 0.1·f + 0.25·s      f = share of the query's keywords the product has
//                                           (the query text equal to a product keyword counts as f = 1)
//   similar_name  0.95·s                    s = c·|Q∩A|/|Q| + (1−c)·|Q∩N|/|Q∪N| over grams, c = 0.7
// Q = grams of the query text (or of its keywords when there is no text), N = grams of the name,
// A = N ∪ grams of the keywords. The first part of s is how much of the query the product
// covers — its name ("ヘッドホン" in "ワイヤレスヘッドホン") or its keywords, which carry the other
// language's words ("Aoba headphones KX-1" for "青葉 ヘッドホン KX-1" with keywords aoba,
// headphones) — the second part (Jaccard, as pg_trgm's similarity) prefers names of the same
// length. A product matched several ways keeps its best score; on a tie the reason earlier in
// the list above wins.
//
// Search (exact: the result equals scoring every product): code, name and keyword hits are
// scored first, then products sharing grams with the query (gram-index.ts). As s ≤ |Q∩A|/|Q|,
// a product sharing at most m grams scores at most 0.95·m/|Q|; products that cannot reach the
// bar — minScore, or the limit-th best score so far, whichever is higher — are never scored,
// and the long posting lists of common grams are mostly never read.
import { GramIndex } from './gram-index.ts';
import { gramsOfNormalized, normalizeCode, normalizeText } from './normalize.ts';

export type MatchReason = 'code' | 'name' | 'keyword' | 'similar_name';
export interface ProductDoc { key: string; code: string; name: string; keywords: string[] }
export interface ProductQuery { code?: string | null; text?: string | null; keywords?: string[] }
export interface ProductSearchOptions { limit?: number; minScore?: number }
export interface ProductHit { key: string; score: number; reason: MatchReason }

export const DEFAULT_MIN_SCORE = 0.3;
export const DEFAULT_LIMIT = 20;
const NAME_SCORE = 0.99;
const SIMILAR_WEIGHT = 0.95;
/** c in s: how much covering the query counts against having a name of the query's length. */
export const COVERAGE_WEIGHT = 0.7;
const EMPTY: ReadonlySet<number> = new Set();

const REASONS: MatchReason[] = ['code', 'name', 'keyword', 'similar_name'];

interface Entry { key: string; codeKey: string; nameKey: string; keywordKeys: string[] }

/** The `size` highest scores offered so far, highest first: the bar a new product must reach. */
class TopScores {
  private readonly scores: number[] = [];
  constructor(private readonly size: number) {}

  offer(score: number): void {
    const s = this.scores;
    if (s.length === this.size && score <= s[s.length - 1]) return;
    if (s.length < this.size) s.push(score);
    let i = s.length - 1;
    for (; i > 0 && s[i - 1] < score; i--) s[i] = s[i - 1];
    s[i] = score;
  }

  /** The size-th best score, or -Infinity while fewer were offered. */
  lowest(): number {
    return this.scores.length === this.size ? this.scores[this.size - 1] : -Infinity;
  }
}

function addTo<K>(map: Map<K, Set<number>>, key: K, slot: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(slot);
}

function deleteFrom<K>(map: Map<K, Set<number>>, key: K, slot: number): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(slot);
  if (set.size === 0) map.delete(key);
}

function uniqueNormalized(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeText).filter((v) => v !== ''))];
}

export class ProductIndex {
  private readonly entries: (Entry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly slotByKey = new Map<string, number>();
  private readonly byCode = new Map<string, Set<number>>();
  private readonly byName = new Map<string, Set<number>>();
  private readonly byKeyword = new Map<string, Set<number>>();
  private readonly grams = new GramIndex();

  get size(): number {
    return this.slotByKey.size;
  }

  has(key: string): boolean {
    return this.slotByKey.has(key);
  }

  /** Adds the product or replaces what is indexed under its key. */
  upsert(doc: ProductDoc): void {
    this.remove(doc.key);
    const nameKey = normalizeText(doc.name);
    const keywordKeys = uniqueNormalized(doc.keywords);
    const entry: Entry = { key: doc.key, codeKey: normalizeCode(doc.code), nameKey, keywordKeys };
    const slot = this.freeSlots.pop() ?? this.entries.length;
    this.entries[slot] = entry;
    this.slotByKey.set(doc.key, slot);
    if (entry.codeKey !== '') addTo(this.byCode, entry.codeKey, slot);
    if (nameKey !== '') addTo(this.byName, nameKey, slot);
    for (const k of keywordKeys) addTo(this.byKeyword, k, slot);
    const nameGrams = gramsOfNormalized(nameKey);
    const inName = new Set(nameGrams);
    this.grams.set(slot, nameGrams, gramsOfNormalized(keywordKeys.join(' ')).filter((g) => !inName.has(g)));
  }

  remove(key: string): boolean {
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return false;
    const entry = this.entries[slot]!;
    deleteFrom(this.byCode, entry.codeKey, slot);
    deleteFrom(this.byName, entry.nameKey, slot);
    for (const k of entry.keywordKeys) deleteFrom(this.byKeyword, k, slot);
    this.grams.delete(slot);
    this.entries[slot] = undefined;
    this.slotByKey.delete(key);
    this.freeSlots.push(slot);
    return true;
  }

  clear(): void {
    for (const key of [...this.slotByKey.keys()]) this.remove(key);
  }

  /** The `limit` best products for the query with score ≥ minScore, best first (score desc, then key). */
  search(query: ProductQuery, opts: ProductSearchOptions = {}): ProductHit[] {
    const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
    const limit = opts.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) return [];
    const code = query.code ? normalizeCode(query.code) : '';
    const text = query.text ? normalizeText(query.text) : '';
    const keywords = uniqueNormalized(query.keywords ?? []);
    const codeSlots = (code !== '' && this.byCode.get(code)) || EMPTY;
    const nameSlots = (text !== '' && this.byName.get(text)) || EMPTY;
    const keywordShare = this.keywordShares(text, keywords);
    const queryGrams = gramsOfNormalized(text !== '' ? text : keywords.join(' '));
    const q = queryGrams.length;

    const top = new TopScores(limit);
    const bar = () => Math.max(minScore, top.lowest());
    const found: ProductHit[] = [];
    const visit = (slot: number, sharedAll: number, sharedName: number): void => {
      const s = q === 0 ? 0 : COVERAGE_WEIGHT * (sharedAll / q) + (1 - COVERAGE_WEIGHT) * (sharedName / (q + this.grams.nameGramCount(slot) - sharedName));
      // Candidates in REASONS order, so on equal scores the earlier reason stays.
      let best = codeSlots.has(slot) ? 1 : -1;
      let reason = 0;
      if (nameSlots.has(slot) && NAME_SCORE > best) { best = NAME_SCORE; reason = 1; }
      const share = keywordShare.get(slot);
      if (share !== undefined && 0.6 + 0.1 * share + 0.25 * s > best) { best = 0.6 + 0.1 * share + 0.25 * s; reason = 2; }
      if (SIMILAR_WEIGHT * s > best) { best = SIMILAR_WEIGHT * s; reason = 3; }
      if (best < bar()) return; // below minScore, or can no longer make the first `limit`
      top.offer(best);
      found.push({ key: this.entries[slot]!.key, score: best, reason: REASONS[reason] });
    };
    const direct = [...codeSlots, ...nameSlots, ...keywordShare.keys()];
    // A product found only by its grams, sharing at most m of them (at most min(m, |N|) in its
    // name), scores at most 0.95·(c·m/|Q| + (1−c)·min(m,|N|)/(|Q|+|N|−min(m,|N|))) ≤ 0.95·m/|Q|.
    const canReach = (m: number, n?: number): boolean => {
      if (n === undefined) return SIMILAR_WEIGHT * (m / q) >= bar();
      const inName = Math.min(m, n);
      return SIMILAR_WEIGHT * (COVERAGE_WEIGHT * (m / q) + (1 - COVERAGE_WEIGHT) * (inName / (q + n - inName))) >= bar();
    };
    this.grams.search(queryGrams, direct, canReach, visit);

    const cut = bar();
    const hits = found.filter((h) => h.score >= cut);
    hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return hits.slice(0, limit);
  }

  /** Slot → share (0..1] of the query's keywords the product carries; the text as a keyword counts fully. */
  private keywordShares(text: string, keywords: string[]): Map<number, number> {
    const shares = new Map<number, number>();
    for (const k of keywords) {
      for (const slot of this.byKeyword.get(k) ?? []) shares.set(slot, (shares.get(slot) ?? 0) + 1 / keywords.length);
    }
    if (text !== '') for (const slot of this.byKeyword.get(text) ?? []) shares.set(slot, 1);
    return shares;
  }
}
