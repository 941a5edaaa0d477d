// Inverted index from n-grams (normalize.ts) to product slots, with a pruned, exact search.
//
// Grams are interned to small integers; a posting list is a plain array of slots; each slot (a
// product) keeps its gram ids, name grams first. search() visits every product that could
// reach the caller's bar, each once, with its exact counts of grams shared with the query (all,
// and in the name only), and skips the rest:
//  1. the caller's direct candidates (code, name, keyword hits) are counted and visited first;
//  2. posting lists of the query's grams are counted ("ScanCount") shortest first, until
//     canReach(lists left) is false — a product in none of the lists scanned so far can no
//     longer reach the bar — so the long lists of common grams are mostly never read;
//  3. the slots counted are visited from the highest count down while
//     canReach(count + lists left, name length) holds; visiting raises the caller's bar.
// Exact counts for a visit come from the product's own gram ids against marks of the query's
// grams. Slots are small integers the caller reuses after removal.

export type VisitCandidate = (slot: number, sharedAll: number, sharedName: number) => void;
/**
 * Whether a product sharing at most maxShared grams with the query (and with nameGrams grams in
 * its name, when known) could still reach the bar.
 */
export type CanReach = (maxShared: number, nameGrams?: number) => boolean;


export class GramIndex {
  private readonly idOf = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly gramsOf: (Int32Array | undefined)[] = [];
  private readonly nameCountOf: number[] = [];
  private inQuery = new Uint8Array(1024);
  private partial = new Uint16Array(1024);
  private seen = new Uint8Array(1024);

  /** Indexes a slot's grams: its name's, and those only its keywords have. */
  set(slot: number, nameGrams: readonly string[], keywordOnlyGrams: readonly string[]): void {
    this.delete(slot);
    const ids = Int32Array.from([...nameGrams, ...keywordOnlyGrams], (g) => this.intern(g));
    for (const id of ids) this.postings[id].push(slot);
    this.gramsOf[slot] = ids;
    this.nameCountOf[slot] = nameGrams.length;
    if (slot >= this.seen.length) {
      this.seen = grown(this.seen, slot);
      this.partial = grown(this.partial, slot);
    }
  }

  delete(slot: number): void {
    const ids = this.gramsOf[slot];
    if (!ids) return;
    for (const id of ids) {
      const list = this.postings[id];
      list[list.indexOf(slot)] = list[list.length - 1];
      list.pop();
    }
    this.gramsOf[slot] = undefined;
  }

  nameGramCount(slot: number): number {
    return this.nameCountOf[slot];
  }

  /** Visits the direct slots, then every other slot that canReach allows (see the top of this file). */
  search(queryGrams: readonly string[], direct: Iterable<number>, canReach: CanReach, visit: VisitCandidate): void {
    const marked: number[] = [];
    const lists: number[][] = [];
    for (const g of queryGrams) {
      const id = this.idOf.get(g);
      if (id === undefined || this.inQuery[id] === 1) continue;
      this.inQuery[id] = 1;
      marked.push(id);
      if (this.postings[id].length > 0) lists.push(this.postings[id]);
    }
    lists.sort((a, b) => a.length - b.length);
    const seenSlots: number[] = [];
    const see = (slot: number): void => {
      this.seen[slot] = 1;
      seenSlots.push(slot);
      this.visitCounted(slot, visit);
    };
    for (const slot of direct) if (this.seen[slot] === 0) see(slot);

    // ScanCount, shortest list first, while a product seen in none of them could still reach the bar.
    const partial = this.partial;
    const seen = this.seen;
    const touched: number[] = [];
    let scanned = 0;
    for (; scanned < lists.length && canReach(lists.length - scanned); scanned++) {
      const list = lists[scanned];
      for (let j = 0; j < list.length; j++) {
        const slot = list[j];
        if (++partial[slot] === 1) touched.push(slot);
      }
    }
    // Then the products seen so far that could still reach the bar, most shared grams first.
    const left = lists.length - scanned;
    const buckets: number[][] = Array.from({ length: scanned + 1 }, () => []);
    for (const slot of touched) if (seen[slot] === 0) buckets[partial[slot]].push(slot);
    for (let c = scanned; c > 0 && canReach(c + left); c--) {
      for (const slot of buckets[c]) if (canReach(c + left, this.nameCountOf[slot])) see(slot);
    }

    for (const slot of touched) this.partial[slot] = 0;
    for (const slot of seenSlots) this.seen[slot] = 0;
    for (const id of marked) this.inQuery[id] = 0;
  }

  private visitCounted(slot: number, visit: VisitCandidate): void {
    const ids = this.gramsOf[slot]!;
    const nameCount = this.nameCountOf[slot];
    let all = 0;
    let name = 0;
    for (let i = 0; i < ids.length; i++) {
      if (this.inQuery[ids[i]] === 1) {
        all++;
        if (i < nameCount) name++;
      }
    }
    visit(slot, all, name);
  }

  private intern(gram: string): number {
    let id = this.idOf.get(gram);
    if (id === undefined) {
      id = this.postings.length;
      this.idOf.set(gram, id);
      this.postings.push([]);
      if (id >= this.inQuery.length) this.inQuery = grown(this.inQuery, id);
    }
    return id;
  }
}

function grown<T extends Uint8Array | Uint16Array>(a: T, index: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(index + 1, a.length * 2));
  b.set(a);
  return b;
}
