// When is a pushed shop list "new" for the customer? When the shops offered, or their order, or the
// rows behind them changed — not when only the walking distances did (every step changes those).
import type { ShopList } from '../../protocol/offers.ts';

export function listSignature(list: ShopList | null): string {
  return list ? list.offers.map((o) => `${o.shopId}/${o.wantId}/${o.stockId}`).join(',') : '';
}

/**
 * True when `next` should call the customer: a previous list existed and the offers differ. A list the
 * customer re-sorted themselves (another ranking mode) does not call them.
 */
export function listChanged(previous: ShopList | null, next: ShopList): boolean {
  return previous !== null && previous.mode === next.mode && listSignature(previous) !== listSignature(next);
}
