// Ranking the shops that hold what a customer wants (claims 9 and 12): by walking distance from
// the customer's location, or by lowest price. Pure functions, no state.

export type RankingMode = 'distance' | 'price';
export interface RankableOffer { shopId: string; price: number; score: number }

function compareDistance(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/**
 * Offers sorted for the customer. 'distance': nearest first (unknown distance, null, last), then
 * lowest price; 'price': lowest price first, then nearest. Remaining ties: the better match score,
 * then shopId, so the order is deterministic. distanceOf is asked once per offer. Returns a new
 * array: with a limit, only the first `limit` of that order (found without sorting the rest).
 */
export function rankOffers<T extends RankableOffer>(offers: T[], distanceOf: (shopId: string) => number | null, mode: RankingMode, limit = Infinity): T[] {
  if (limit <= 0) return [];
  const keyed = offers.map((offer) => ({ offer, distance: distanceOf(offer.shopId) }));
  const compare = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    const byDistance = compareDistance(a.distance, b.distance);
    const byPrice = a.offer.price - b.offer.price;
    const first = mode === 'distance' ? byDistance || byPrice : byPrice || byDistance;
    return first || b.offer.score - a.offer.score || (a.offer.shopId < b.offer.shopId ? -1 : a.offer.shopId > b.offer.shopId ? 1 : 0);
  };
  if (limit * 4 >= keyed.length) return keyed.sort(compare).slice(0, limit).map((k) => k.offer);
  // The first `limit`, kept sorted while the others pass by; an offer equal to a kept one goes
  // after it, as in the (stable) sort.
  const top: (typeof keyed)[number][] = [];
  for (const k of keyed) {
    if (top.length === limit && compare(k, top[limit - 1]) >= 0) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    for (; i > 0 && compare(k, top[i - 1]) < 0; i--) top[i] = top[i - 1];
    top[i] = k;
  }
  return top.map((k) => k.offer);
}

/**
 * One offer per shop: the best match (highest score), then the lowest price, then the first given.
 * Call it per want when a shop should appear once for that want (the customer's shop list shows
 * "shop X has it", not every matching row of shop X); across wants a shop may appear once per want.
 * Shops come in the order they first appear in offers.
 */
export function bestOfferPerShop<T extends RankableOffer>(offers: T[]): T[] {
  const best = new Map<string, T>();
  for (const offer of offers) {
    const prev = best.get(offer.shopId);
    if (!prev || offer.score > prev.score || (offer.score === prev.score && offer.price < prev.price)) best.set(offer.shopId, offer);
  }
  return [...best.values()];
}
