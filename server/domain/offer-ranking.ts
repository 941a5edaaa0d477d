// From a customer's wants and location to the ranked list of shop offers (claims 1, 9, 12, 17).
// Per want: the best live stock row of each shop (highest match score, then lowest price), ranked by
// walking distance or by price (the other as tie-break), at most MAX_OFFERS_PER_WANT shops; then all
// wants' offers merged in the same order. The demo's oracle recomputes exactly this by brute force.
import type { RankingMode } from '../../protocol/customers.ts';
import type { ShopOffer } from '../../protocol/offers.ts';
import type { StockMatch } from '../matching/stock-matcher.ts';
import { rankOffers } from '../matching/rank.ts';
import type { WantState } from './customer-directory.ts';
import type { MallState } from './mall-state.ts';

export const MAX_OFFERS_PER_WANT = 20;

/** A want's matches, already reduced to the best live row of each shop (StockMatcher.matchBestPerShop). */
export type MatchFn = (want: WantState) => StockMatch[];

export function offersFor(wants: WantState[], locationNodeId: string | null, mode: RankingMode, mall: MallState, match: MatchFn): ShopOffer[] {
  const all: ShopOffer[] = [];
  const distances = new Map<string, number | null>();
  const distanceOf = (shopId: string) => distances.get(shopId) ?? null;
  for (const want of wants) {
    const perShop: ShopOffer[] = [];
    for (const m of match(want)) {
      const shop = mall.shop(m.stock.shopId);
      if (!shop) continue;
      const floor = mall.floorOf(shop.nodeId);
      perShop.push({
        shopId: shop.id, shopName: shop.name, floorId: floor.id, floorName: floor.name, nodeId: shop.nodeId,
        distance: mall.distance(locationNodeId, shop.nodeId),
        wantId: want.id, stockId: m.stock.id, productCode: m.stock.code, productName: m.stock.name,
        price: m.stock.price, quantity: m.stock.quantity, reason: m.reason, score: Math.round(m.score * 1000) / 1000,
      });
    }
    for (const o of perShop) distances.set(o.shopId, o.distance);
    all.push(...rankOffers(perShop, distanceOf, mode, MAX_OFFERS_PER_WANT));
  }
  return rankOffers(all, distanceOf, mode);
}
