// Purchase entry: scan items into a basket, attach an arriving customer (or none), confirm.
// The result shows the stock left and the customer's wants the sale satisfied.
import { useState, type FormEvent } from 'react';
import type { TerminalApiResult } from '../../protocol/terminal-api.ts';
import { useAgentAction, useApi, useScans } from '../app/agent-hooks.tsx';
import { AgentError } from '../api/agent-error.ts';
import { useT } from '../i18n/i18n.tsx';
import { Field, Notice, errorFor } from '../ui/Field.tsx';
import type { ArrivingStore } from './arriving-store.ts';
import { useArriving } from './use-arriving.ts';

interface BasketLine {
  code: string;
  name: string | null;
  quantity: number;
}
type Outcome = { queued: true; waiting: number } | { queued: false; sale: Extract<TerminalApiResult<'recordSale'>, { queued: false }>['sale'] };

/** How many of the nearest arriving customers are offered for the sale. */
const CUSTOMERS_OFFERED = 12;

export function PurchaseEntry({ store }: { store: ArrivingStore }) {
  const t = useT();
  const api = useApi();
  const arriving = useArriving(store);
  const { busy, error, setError, run } = useAgentAction();
  const [basket, setBasket] = useState<BasketLine[]>([]);
  const [code, setCode] = useState('');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const addCode = async (raw: string) => {
    const text = raw.trim();
    if (!text) return;
    setOutcome(null);
    const found = await run(() => api.lookupProduct({ code: text }));
    if (!found) return;
    if (!found.check.valid) {
      setError(new AgentError('bad_request', found.check.message ?? t.badCode, 'code'));
      return;
    }
    setCode('');
    setBasket((lines) => {
      const existing = lines.find((l) => l.code === found.code);
      if (existing) return lines.map((l) => (l === existing ? { ...l, quantity: l.quantity + 1 } : l));
      return [...lines, { code: found.code, name: found.known?.name ?? null, quantity: 1 }];
    });
  };
  useScans((scanned) => void addCode(scanned));

  const setQuantity = (lineCode: string, quantity: number) =>
    setBasket((lines) => lines.flatMap((l) => (l.code !== lineCode ? [l] : quantity > 0 ? [{ ...l, quantity }] : [])));

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(async (): Promise<Outcome> => {
      const sale = await api.recordSale({ items: basket.map(({ code: c, quantity }) => ({ code: c, quantity })), customerId: customerId ?? undefined });
      return sale.queued ? { queued: true, waiting: (await api.getStatus({})).outboxPending } : { queued: false, sale: sale.sale };
    });
    if (!result) return;
    setOutcome(result);
    setBasket([]);
    setCustomerId(null);
  };

  return (
    <form className="form purchase" onSubmit={confirm} aria-label={t.purchaseTitle}>
      <h2>{t.purchaseTitle}</h2>
      <div className="row">
        <Field label={t.productCode} hint={t.scanOrType} error={errorFor(error, 'code')}>
          <input value={code} onChange={(e) => setCode(e.target.value)} onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void addCode(code);
            }
          }} />
        </Field>
        <button type="button" onClick={() => void addCode(code)} disabled={busy}>{t.addToBasket}</button>
      </div>
      <table className="table basket" aria-label={t.basket}>
        <thead><tr><th>{t.productCode}</th><th>{t.productName}</th><th>{t.quantity}</th></tr></thead>
        <tbody>
          {basket.map((line) => (
            <tr key={line.code}>
              <td>{line.code}</td>
              <td>{line.name ?? t.unknownProduct}</td>
              <td className="stepper">
                <button type="button" aria-label={t.less} onClick={() => setQuantity(line.code, line.quantity - 1)}>−</button>
                <span className="num">{line.quantity}</span>
                <button type="button" aria-label={t.more} onClick={() => setQuantity(line.code, line.quantity + 1)}>+</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {basket.length === 0 && <p className="empty">{t.basketEmpty}</p>}
      <fieldset className="customer-pick">
        <legend>{t.attachCustomer}</legend>
        <button type="button" aria-pressed={customerId === null} onClick={() => setCustomerId(null)}>{t.noCustomer}</button>
        {arriving.slice(0, CUSTOMERS_OFFERED).map((card) => (
          <button key={card.customerId} type="button" aria-pressed={customerId === card.customerId} onClick={() => setCustomerId(card.customerId)}>
            {card.faceJpegBase64 && <img src={`data:image/jpeg;base64,${card.faceJpegBase64}`} alt="" width={48} height={48} />}
            {card.wants[0].productName}
          </button>
        ))}
      </fieldset>
      {error && !errorFor(error, 'code') && <Notice kind="error">{error.message}</Notice>}
      <button type="submit" className="primary" disabled={busy || basket.length === 0}>{t.confirmSale}</button>
      {outcome?.queued === true && <Notice kind="warn">{t.saleQueued(outcome.waiting)}</Notice>}
      {outcome?.queued === false && (
        <div className="sale-result" role="status">
          <Notice kind="ok">{t.saleRecorded}</Notice>
          <table className="table" aria-label={t.remainingStock}>
            <thead><tr><th>{t.productCode}</th><th>{t.sold}</th><th>{t.remaining}</th></tr></thead>
            <tbody>
              {outcome.sale.items.map((item) => <tr key={item.code}><td>{item.code}</td><td className="num">{item.quantity}</td><td className="num">{item.remaining}</td></tr>)}
            </tbody>
          </table>
          <p>{t.wantsRemoved(outcome.sale.wantsRemoved.length)}</p>
        </div>
      )}
    </form>
  );
}
