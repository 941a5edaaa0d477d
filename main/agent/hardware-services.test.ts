// Re-applying the hardware configuration (the settings screen) must not post each sighting batch twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BleScene } from '../../hardware/ble/simulator.ts';
import { SightingBatcher } from '../../hardware/ble/sighting-batcher.ts';
import { HardwareServices } from './hardware-services.ts';
import type { SightingBatch } from '../../protocol/presence.ts';

test('an injected batcher feeds the agent once, however often the hardware is re-applied', async () => {
  const batcher = new SightingBatcher({ maxDelayMs: 60_000 });
  const posted: SightingBatch[] = [];
  const services = new HardwareServices(
    { scene: new BleScene({ clock: 'manual' }), pipeline: { batcher } },
    { scan: () => {}, sightings: (b) => posted.push(b), changed: () => {} },
  );
  const identity = { terminalId: 'shop-1', role: 'shop' as const };
  const config = { scanner: 'simulated' as const, ble: 'simulated' as const };
  await services.apply(config, identity);
  await services.apply(config, identity);
  await services.apply(config, identity);
  batcher.add({ presenceId: 'bk:0011223344556677', rssi: -60, at: 1 });
  batcher.flush();
  assert.equal(posted.length, 1);
  await services.stop();
  batcher.add({ presenceId: 'bk:0011223344556677', rssi: -60, at: 2 });
  batcher.flush();
  assert.equal(posted.length, 1, 'a stopped service posts nothing');
});
