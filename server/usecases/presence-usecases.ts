// Sightings from terminals → locations → matching and pushes; departures → deletion (claims 9–11, 16).
import type { SightingBatch } from '../../protocol/presence.ts';
import type { Core } from '../core.ts';
import type { Terminal } from '../domain/terminal-registry.ts';
import { deleteCustomers } from './customer-usecases.ts';

export async function ingestSightings(core: Core, terminal: Terminal, batch: SightingBatch): Promise<{ accepted: number; unknown: number }> {
  const started = performance.now();
  const result = core.presence.ingest(terminal, batch);
  for (const customerId of result.moved) if (!result.departed.has(customerId)) core.offers.refresh(customerId);
  if (result.departed.size) await deleteCustomers(core, result.departed, 'departed');
  core.metrics.inc('beckon_sightings_total', 'Sightings received from terminals', { result: 'accepted' }, result.accepted);
  core.metrics.inc('beckon_sightings_total', 'Sightings received from terminals', { result: 'unknown' }, result.unknown);
  core.metrics.inc('beckon_location_changes_total', 'Customer location changes', {}, result.moved.size);
  core.metrics.observe('beckon_sighting_batch_seconds', 'Time to apply one sighting batch, matching and pushes included', (performance.now() - started) / 1000);
  return { accepted: result.accepted, unknown: result.unknown };
}
