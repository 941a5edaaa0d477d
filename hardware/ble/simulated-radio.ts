// PresenceRadio for one terminal of a simulated BLE scene: what that terminal's adapter would hear.
import { Listeners } from './listeners.ts';
import type { HeardAdvertisement, PresenceRadio, RadioStatus } from './radio.ts';
import type { BleScene } from './simulator.ts';

export class SimulatedRadio implements PresenceRadio {
  private readonly listeners = new Listeners<HeardAdvertisement>();
  private unsubscribeScene: (() => void) | null = null;

  constructor(
    private readonly scene: BleScene,
    private readonly terminalId: string,
  ) {}

  async start(): Promise<void> {
    if (this.unsubscribeScene) return;
    if (!this.scene.terminalPosition(this.terminalId)) {
      throw new Error(`simulated radio: terminal "${this.terminalId}" is not placed in the scene`);
    }
    this.unsubscribeScene = this.scene.listen(this.terminalId, (a) => this.listeners.emit(a));
  }

  async stop(): Promise<void> {
    this.unsubscribeScene?.();
    this.unsubscribeScene = null;
  }

  onAdvertisement(cb: (a: HeardAdvertisement) => void): () => void {
    return this.listeners.add(cb);
  }

  status(): RadioStatus {
    return { state: this.unsubscribeScene ? 'ok' : 'stopped' };
  }
}
