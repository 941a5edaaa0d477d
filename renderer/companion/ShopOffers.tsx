// The ranked list of shops holding what the customer wants: shop, floor, walking distance, price,
// stock and why it matched; a switch between nearest first and cheapest first (claims 8, 9, 12).
import type { RankingMode, Want } from '../../protocol/customers.ts';
import type { ShopList } from '../../protocol/offers.ts';
import type { CompanionText } from './companion-messages.ts';

export function wantLabel(w: Pick<Want, 'productName' | 'productCode' | 'keywords'>): string {
  return w.productName ?? w.productCode ?? w.keywords.join(', ');
}

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

export function ShopOffers({ list, wants, mode, onMode, busy, t }: {
  list: ShopList | null;
  wants: readonly Want[];
  mode: RankingMode;
  onMode(mode: RankingMode): void;
  busy: boolean;
  t: CompanionText;
}) {
  const names = new Map(wants.map((w) => [w.id, wantLabel(w)]));
  const offers = list?.offers ?? [];
  return (
    <section aria-labelledby="shops-title">
      <h2 id="shops-title">{t.shopsTitle}</h2>
      <div className="mode-switch" role="group" aria-label={t.sortBy}>
        {(['distance', 'price'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} disabled={busy} onClick={() => mode !== m && onMode(m)}>{t.rankingName[m]}</button>
        ))}
      </div>
      {list && list.locationNodeId === null && offers.length > 0 && <p className="hint">{t.locationUnknown}</p>}
      {offers.length === 0 ? <p className="empty" role="status">{t.noOffers}</p> : (
        <ol className="offers" aria-live="polite">
          {offers.map((o) => (
            <li key={`${o.shopId}/${o.wantId}`} className="offer" data-shop-id={o.shopId}>
              <div className="offer-head">
                <strong className="shop-name">{o.shopName}</strong>
                <span className="price">{yen.format(o.price)}</span>
              </div>
              <div className="offer-product">{o.productName} <span className="for-want">{t.forWant(names.get(o.wantId) ?? o.productName)}</span></div>
              <div className="offer-facts">
                <span className="floor">{o.floorName}</span>
                {o.distance !== null && <span className="distance">{t.walk(o.distance)}</span>}
                <span className="stock">{t.inStock(o.quantity)}</span>
                <span className="reason">{t.reason[o.reason]}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
