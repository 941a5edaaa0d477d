// Once a second: prepare the rotating-token tables ahead of the next slot (so a slot change never
// stalls sightings), and drop terminals that stopped hearing a customer (their location may change).
import type { Core } from '../core.ts';

export const PRESENCE_TICK_MS = 1000;
/** At most this many list refreshes per tick; the rest wait for the next tick (no event-loop stall). */
export const MAX_REFRESHES_PER_TICK = 300;

const waiting = new WeakMap<Core, Set<string>>();

export function presenceTick(core: Core): number {
  const now = core.clock.now();
  core.presence.resolver.prepareAhead(now, 5);
  let queue = waiting.get(core);
  if (!queue) waiting.set(core, (queue = new Set()));
  for (const customerId of core.presence.expire()) queue.add(customerId);
  let done = 0;
  for (const customerId of queue) {
    if (done === MAX_REFRESHES_PER_TICK) break;
    queue.delete(customerId);
    core.offers.refresh(customerId);
    done++;
  }
  return done;
}

export function startPresenceMaintenance(core: Core, log: { error(obj: unknown, msg: string): void }): () => void {
  const timer = setInterval(() => {
    try { presenceTick(core); } catch (err) { log.error({ err }, 'presence maintenance failed'); }
  }, PRESENCE_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
