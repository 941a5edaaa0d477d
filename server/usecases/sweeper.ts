// The retention sweep (claims 15, 16), run on a schedule: customers who left are deleted, expired wants
// and stock are removed. (Terminals that stop hearing a customer are dropped by presence-maintenance.ts.)
import type { Core } from '../core.ts';
import { deleteExpiredStock, deleteExpiredWants, deleteOldIdempotencyKeys } from '../domain/retention.ts';
import { deleteCustomers } from './customer-usecases.ts';

export interface SweepResult { customersDeleted: number; wantsExpired: number; stockExpired: number }

export async function sweep(core: Core): Promise<SweepResult> {
  const now = core.clock.now();
  const customersDeleted = await deleteCustomers(core, core.presence.idleSince(now - core.retention.leaveAfterMinutes * 60_000), 'idle');

  const expiredWants = await deleteExpiredWants(core.db, now);
  const touched = new Set<string>();
  for (const w of expiredWants) {
    const c = core.customers.get(w.customer_id);
    if (!c) continue;
    c.wants = c.wants.filter((x) => x.id !== w.id);
    touched.add(c.id);
  }
  const expiredStock = await deleteExpiredStock(core.db, now);
  for (const s of expiredStock) core.matcher.remove(s.id);
  core.offers.stockChanged(expiredStock.map((s) => s.id));

  for (const id of touched) core.offers.refresh(id, { wantsChanged: true });

  await deleteOldIdempotencyKeys(core.db, now);
  await core.terminals.flushLastSeen(core.db);
  core.metrics.inc('beckon_expired_total', 'Wants and stock rows deleted because their validity ended', { kind: 'want' }, expiredWants.length);
  core.metrics.inc('beckon_expired_total', 'Wants and stock rows deleted because their validity ended', { kind: 'stock' }, expiredStock.length);
  return { customersDeleted, wantsExpired: expiredWants.length, stockExpired: expiredStock.length };
}

/** Runs `sweep` every `core.retention.sweepIntervalSeconds`; errors are logged, never fatal. */
export function startSweeper(core: Core, log: { error(obj: unknown, msg: string): void }): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      try { await sweep(core); } catch (err) { log.error({ err }, 'retention sweep failed'); }
      schedule();
    }, core.retention.sweepIntervalSeconds * 1000);
    timer.unref();
  };
  schedule();
  return () => { stopped = true; if (timer) clearTimeout(timer); };
}
