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
 * then shopId, so the order is deterministic. distanceOf is asked once per offer. Returns a new array.
 */
export function rankOffers<T extends RankableOffer>(offers: T[], distanceOf: (shopId: string) => number | null, mode: RankingMode): T[] {
  const keyed = offers.map((offer) => ({ offer, distance: distanceOf(offer.shopId) }));
  keyed.sort((a, b) => {
    const byDistance = compareDistance(a.distance, b.distance);
    const byPrice = a.offer.price - b.offer.price;
    const first = mode === 'distance' ? byDistance || byPrice : byPrice || byDistance;
    return first || b.offer.score - a.offer.score || (a.offer.shopId < b.offer.shopId ? -1 : a.offer.shopId > b.offer.shopId ? 1 : 0);
  });
  return keyed.map((k) => k.offer);
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
