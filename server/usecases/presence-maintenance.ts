// Once a second: prepare the rotating-token tables ahead of the next slot (so a slot change never
// stalls sightings), and drop terminals that stopped hearing a customer (their location may change).
import type { Core } from '../core.ts';

export const PRESENCE_TICK_MS = 1000;

export function presenceTick(core: Core): number {
  const now = core.clock.now();
  core.presence.resolver.prepareAhead(now, 5);
  const moved = core.presence.expire();
  for (const customerId of moved) core.offers.refresh(customerId);
  return moved.size;
}

export function startPresenceMaintenance(core: Core, log: { error(obj: unknown, msg: string): void }): () => void {
  const timer = setInterval(() => {
    try { presenceTick(core); } catch (err) { log.error({ err }, 'presence maintenance failed'); }
  }, PRESENCE_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
