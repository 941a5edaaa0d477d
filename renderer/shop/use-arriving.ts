// React binding of the arriving-customers store: one store per shop screen, fed by push events.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useAgentEvents } from '../app/agent-hooks.tsx';
import { createArrivingStore, type ArrivingStore } from './arriving-store.ts';
import { playChime, throttle } from './chime.ts';

export function useArrivingStore(chime: () => void = playChime): ArrivingStore {
  const store = useMemo(() => createArrivingStore({ onArrival: throttle(chime, 1_500) }), [chime]);
  useAgentEvents((event) => {
    if (event.type === 'push') store.apply(event.event);
  });
  return store;
}

export const useArriving = (store: ArrivingStore) => useSyncExternalStore(store.subscribe, store.getSnapshot);

/** The current time, refreshed every `intervalMs` (for "arrived 3 min ago"). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
