// Arriving customers who want what this shop stocks, nearest first, in a windowed list.
import { useCallback, useState } from 'react';
import type { CustomerCard } from '../../protocol/offers.ts';
import { useApi } from '../app/agent-hooks.tsx';
import { toAgentError, type AgentError } from '../api/agent-error.ts';
import { useT } from '../i18n/i18n.tsx';
import { Notice } from '../ui/Field.tsx';
import { VirtualList } from '../ui/VirtualList.tsx';
import type { ArrivingStore } from './arriving-store.ts';
import { CUSTOMER_ROW_HEIGHT, CustomerRow } from './CustomerRow.tsx';
import { useArriving, useNow } from './use-arriving.ts';

const keyOf = (card: CustomerCard): string => card.customerId;

export function ArrivingCustomers({ store }: { store: ArrivingStore }) {
  const t = useT();
  const api = useApi();
  const cards = useArriving(store);
  const now = useNow();
  const [serving, setServing] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<AgentError | null>(null);

  const onServed = useCallback(async (customerId: string) => {
    setServing((s) => new Set(s).add(customerId));
    setError(null);
    try {
      await api.markServed({ customerId });
      store.remove(customerId);
    } catch (err) {
      setError(toAgentError(err));
    } finally {
      setServing((s) => {
        const next = new Set(s);
        next.delete(customerId);
        return next;
      });
    }
  }, [api, store]);

  return (
    <section className="arriving">
      <h2>{t.arrivingTitle} <span className="count">{cards.length}</span></h2>
      {error && <Notice kind="error">{error.message}</Notice>}
      {cards.length === 0
        ? <p className="empty">{t.noArrivals}</p>
        : (
          <VirtualList label={t.arrivingTitle} items={cards} rowHeight={CUSTOMER_ROW_HEIGHT} getKey={keyOf}
            renderRow={(card) => <CustomerRow card={card} now={now} t={t} serving={serving.has(card.customerId)} onServed={onServed} />} />
        )}
    </section>
  );
}
