// PresenceRadio on a real Bluetooth adapter through @abandonware/noble (an optional dependency).
// noble is loaded lazily: on a machine without an adapter (or without the package) loading throws
// (EAFNOSUPPORT on Linux without Bluetooth) and the radio reports "unavailable" instead of crashing.
import { presenceIdFromFields } from './advertisement.ts';
import { Listeners } from './listeners.ts';
import type { HeardAdvertisement, PresenceRadio, RadioStatus } from './radio.ts';

/** The part of a noble peripheral the radio and the relay use. */
export interface NoblePeripheral {
  id: string;
  rssi: number;
  mtu?: number | null;
  advertisement: {
    serviceData?: { uuid: string; data: Uint8Array }[];
    manufacturerData?: Uint8Array;
  };
  connectAsync(): Promise<void>;
  disconnectAsync(): Promise<void>;
  discoverSomeServicesAndCharacteristicsAsync(
    serviceUuids: string[],
    characteristicUuids: string[],
  ): Promise<{ characteristics: NobleCharacteristic[] }>;
}
export interface NobleCharacteristic {
  uuid: string;
  writeAsync(data: Buffer, withoutResponse: boolean): Promise<void>;
}
/** The part of the noble module the radio uses. */
export interface NobleLike {
  state?: string;
  _state?: string;
  on(event: string, listener: (...args: any[]) => void): unknown;
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
  startScanningAsync(serviceUuids?: string[], allowDuplicates?: boolean): Promise<void>;
  stopScanningAsync(): Promise<void>;
}

export interface NobleRadioOptions {
  /** How to load noble; defaults to a dynamic import of @abandonware/noble. */
  loadNoble?: () => Promise<NobleLike>;
  /** Clock for the `at` of each advertisement. */
  now?: () => number;
  /** How long a peripheral stays addressable for the relay after its last advertisement. */
  peripheralTtlMs?: number;
}

async function importNoble(): Promise<NobleLike> {
  const moduleName = '@abandonware/noble'; // a variable: the optional dependency may be absent
  const mod = (await import(moduleName)) as { default?: NobleLike } & NobleLike;
  return mod.default ?? mod;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class NobleRadio implements PresenceRadio {
  private readonly listeners = new Listeners<HeardAdvertisement>();
  private readonly peripherals = new Map<string, { peripheral: NoblePeripheral; at: number }>();
  private current: RadioStatus = { state: 'stopped' };
  private noble: NobleLike | null = null;
  private running = false;
  private readonly now: () => number;
  private readonly peripheralTtlMs: number;

  constructor(private readonly options: NobleRadioOptions = {}) {
    this.now = options.now ?? Date.now;
    this.peripheralTtlMs = options.peripheralTtlMs ?? 30_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    try {
      this.noble ??= await (this.options.loadNoble ?? importNoble)();
    } catch (err) {
      this.current = { state: 'unavailable', reason: `Bluetooth unavailable: ${describe(err)}` };
      return;
    }
    this.running = true;
    this.noble.on('discover', this.handleDiscover);
    this.noble.on('stateChange', this.handleState);
    await this.handleState(this.noble.state ?? this.noble._state ?? 'unknown');
  }

  async stop(): Promise<void> {
    if (!this.running || !this.noble) {
      if (this.current.state !== 'unavailable') this.current = { state: 'stopped' };
      return;
    }
    this.running = false;
    this.noble.removeListener('discover', this.handleDiscover);
    this.noble.removeListener('stateChange', this.handleState);
    await this.noble.stopScanningAsync().catch(() => undefined);
    this.current = { state: 'stopped' };
  }

  onAdvertisement(cb: (a: HeardAdvertisement) => void): () => void {
    return this.listeners.add(cb);
  }

  status(): RadioStatus {
    return { ...this.current };
  }

  /** The peripheral last heard advertising this presenceId (for the GATT relay), if recent. */
  peripheralFor(presenceId: string): NoblePeripheral | undefined {
    const entry = this.peripherals.get(presenceId);
    return entry && this.now() - entry.at <= this.peripheralTtlMs ? entry.peripheral : undefined;
  }

  private readonly handleState = async (state: string): Promise<void> => {
    if (!this.running || !this.noble) return;
    if (state !== 'poweredOn') {
      // 'unknown' and 'resetting' are transient at start; noble emits stateChange when they settle.
      this.current = { state: 'unavailable', reason: `Bluetooth unavailable: adapter is ${state}` };
      return;
    }
    try {
      // no service filter (iBeacon/Eddystone tags advertise other services); every packet, for RSSI
      await this.noble.startScanningAsync([], true);
      this.current = { state: 'ok' };
    } catch (err) {
      this.current = { state: 'unavailable', reason: `Bluetooth unavailable: ${describe(err)}` };
    }
  };

  private readonly handleDiscover = (peripheral: NoblePeripheral): void => {
    if (!this.running) return;
    const presenceId = presenceIdFromFields({
      serviceData: peripheral.advertisement.serviceData ?? [],
      manufacturerData: peripheral.advertisement.manufacturerData,
    });
    if (!presenceId) return;
    const at = this.now();
    this.rememberPeripheral(presenceId, peripheral, at);
    this.listeners.emit({ presenceId, rssi: Math.round(peripheral.rssi), at });
  };

  private rememberPeripheral(presenceId: string, peripheral: NoblePeripheral, at: number): void {
    this.peripherals.delete(presenceId); // re-insert: the map stays ordered by last sighting
    this.peripherals.set(presenceId, { peripheral, at });
    for (const [id, entry] of this.peripherals) {
      if (at - entry.at <= this.peripheralTtlMs) break;
      this.peripherals.delete(id);
    }
  }
}
