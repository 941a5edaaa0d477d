// Stock entry: scan or type a code, look it up (bad check digit, unknown, or known → fields
// filled), then quantity, price, keywords, valid-until; save → "saved" or "queued".
import { useRef, useState, type FormEvent } from 'react';
import type { StockItem } from '../../protocol/stock.ts';
import type { TerminalApiResult } from '../../protocol/terminal-api.ts';
import { useAgentAction, useApi, useScans } from '../app/agent-hooks.tsx';
import { useT } from '../i18n/i18n.tsx';
import { Field, FormError, Notice, errorFor } from '../ui/Field.tsx';
import { dateInDays, endOfDayIso, isoToDateInput, splitKeywords, toNumber } from '../ui/format.ts';

type Lookup = TerminalApiResult<'lookupProduct'>;
type Outcome = { kind: 'saved' } | { kind: 'queued'; waiting: number };

interface Draft {
  code: string;
  name: string;
  quantity: string;
  price: string;
  keywords: string;
  validUntil: string;
}

const emptyDraft = (): Draft => ({ code: '', name: '', quantity: '1', price: '', keywords: '', validUntil: dateInDays(30) });
const draftOf = (item: StockItem): Draft => ({
  code: item.code, name: item.name, quantity: String(item.quantity), price: String(item.price),
  keywords: item.keywords.join(', '), validUntil: isoToDateInput(item.validUntil),
});
const FIELDS = ['code', 'name', 'quantity', 'price', 'keywords', 'validUntil'] as const;

export function StockForm({ editing, onDone }: { editing?: StockItem; onDone?(): void }) {
  const t = useT();
  const api = useApi();
  const { busy, error, run } = useAgentAction();
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing) : emptyDraft()));
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  const lookUp = async (code: string) => {
    if (!code.trim()) return;
    setOutcome(null);
    const found = await run(() => api.lookupProduct({ code: code.trim() }));
    setLookup(found ?? null);
    const known = found?.check.valid ? found.known : null;
    if (!known) return;
    setDraft((d) => ({
      ...d,
      code: found!.code,
      name: known.name ?? d.name,
      price: known.price !== undefined ? String(known.price) : d.price,
      keywords: known.keywords ? known.keywords.join(', ') : d.keywords,
      validUntil: known.validUntil ? isoToDateInput(known.validUntil) : d.validUntil,
    }));
  };

  useScans((code) => {
    if (editing) return;
    setDraft((d) => ({ ...d, code }));
    void lookUp(code);
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      code: draft.code.trim(), name: draft.name, quantity: toNumber(draft.quantity), price: toNumber(draft.price),
      keywords: splitKeywords(draft.keywords), validUntil: draft.validUntil ? endOfDayIso(draft.validUntil) : '',
    };
    const result = await run(async () => {
      const saved = editing ? await api.updateStock({ id: editing.id, patch: input }) : await api.saveStock(input);
      return saved.queued ? { kind: 'queued' as const, waiting: (await api.getStatus({})).outboxPending } : { kind: 'saved' as const };
    });
    if (!result) return;
    setOutcome(result);
    if (editing) onDone?.();
    else {
      setDraft(emptyDraft());
      setLookup(null);
      codeRef.current?.focus();
    }
  };

  const codeError = errorFor(error, 'code') ?? (lookup && !lookup.check.valid ? lookup.check.message ?? t.badCode : undefined);
  return (
    <form className="form stock-form" onSubmit={submit} aria-label={editing ? t.editStock : t.stockEntry}>
      <div className="row">
        <Field label={t.productCode} error={codeError} hint={t.scanOrType}>
          <input ref={codeRef} value={draft.code} onChange={set('code')} autoFocus={!editing} readOnly={Boolean(editing)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void lookUp(draft.code);
              }
            }} />
        </Field>
        {!editing && <button type="button" onClick={() => void lookUp(draft.code)} disabled={busy}>{t.lookUp}</button>}
      </div>
      {lookup?.check.valid && !lookup.known && <Notice kind="warn">{t.unknownCode}</Notice>}
      {lookup?.check.valid && lookup.known && <Notice kind="ok">{t.knownProduct}</Notice>}
      <Field label={t.productName} error={errorFor(error, 'name')}><input value={draft.name} onChange={set('name')} /></Field>
      <div className="row">
        <Field label={t.quantity} error={errorFor(error, 'quantity')}><input type="number" inputMode="numeric" min={0} value={draft.quantity} onChange={set('quantity')} /></Field>
        <Field label={t.price} error={errorFor(error, 'price')}><input type="number" inputMode="decimal" min={0} step="any" value={draft.price} onChange={set('price')} /></Field>
      </div>
      <Field label={t.keywords} hint={t.keywordsHint} error={errorFor(error, 'keywords')}><input value={draft.keywords} onChange={set('keywords')} /></Field>
      <Field label={t.validUntil} error={errorFor(error, 'validUntil')}><input type="date" value={draft.validUntil} onChange={set('validUntil')} /></Field>
      <FormError error={error} fields={FIELDS} />
      {outcome?.kind === 'saved' && <Notice kind="ok">{t.saved}</Notice>}
      {outcome?.kind === 'queued' && <Notice kind="warn">{t.queued(outcome.waiting)}</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t.working : t.save}</button>
        {editing && <button type="button" onClick={onDone}>{t.cancel}</button>}
      </div>
    </form>
  );
}
