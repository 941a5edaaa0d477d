// One arriving customer: face, wanted items with desire level and payment method, distance, time
// since arrival, and the "served" button.
import { memo } from 'react';
import type { CustomerCard } from '../../protocol/offers.ts';
import type { Messages } from '../i18n/en.ts';

export const CUSTOMER_ROW_HEIGHT = 120;
const WANTS_SHOWN = 2;

export function Stars({ level, t }: { level: number; t: Messages }) {
  return <span className="stars" aria-label={t.desireLevel(level)}>{'★'.repeat(level)}{'☆'.repeat(5 - level)}</span>;
}

export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

interface Props {
  card: CustomerCard;
  now: number;
  t: Messages;
  serving: boolean;
  onServed(customerId: string): void;
}

export const CustomerRow = memo(function CustomerRow({ card, now, t, serving, onServed }: Props) {
  const extra = card.wants.length - WANTS_SHOWN;
  return (
    <article className="customer-row" aria-label={t.customerCard}>
      {card.faceJpegBase64
        ? <img className="face" src={`data:image/jpeg;base64,${card.faceJpegBase64}`} alt={t.facePhoto} width={96} height={96} />
        : <div className="face face-none" aria-label={t.noPhoto}>?</div>}
      <div className="customer-wants">
        {card.wants.slice(0, WANTS_SHOWN).map((want) => (
          <p key={want.wantId} className="want-line">
            <strong>{want.productName}</strong> <Stars level={want.desireLevel} t={t} /> <span className="payment">{t.payment[want.paymentMethod]}</span>
          </p>
        ))}
        {extra > 0 && <p className="want-more">{t.moreWants(extra)}</p>}
      </div>
      <div className="customer-where">
        <span className="distance">{card.distance === null ? t.locationUnknown : t.metresAway(Math.round(card.distance))}</span>
        <span className="since">{t.arrivedAgo(minutesSince(card.arrivedAt, now))}</span>
      </div>
      <button type="button" className="served" disabled={serving} onClick={() => onServed(card.customerId)}>{t.served}</button>
    </article>
  );
});
