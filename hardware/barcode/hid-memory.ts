// An in-memory stand-in for node-hid, the HID counterpart of @serialport/binding-mock: devices
// that replay input reports, so the HID driver runs unchanged in tests, the demo and the sim.
import { EventEmitter } from 'node:events';
import type { HidDeviceDescriptor, HidDeviceHandle, HidModule } from './hid-module.ts';

export class MemoryHidDevice {
  private handle: MemoryHidHandle | null = null;
  plugged = true;

  constructor(readonly info: HidDeviceDescriptor & { path: string }) {}

  get isOpen(): boolean {
    return this.handle !== null;
  }

  /** Deliver one input report (as hidraw would: report ID first when the device uses IDs). */
  emitReport(bytes: ArrayLike<number>): void {
    if (!this.handle) throw new Error(`memory HID device ${this.info.path} is not open`);
    this.handle.emit('data', Buffer.from(Uint8Array.from(bytes as ArrayLike<number>)));
  }

  /** Pull the plug: an open handle reports the read error node-hid reports. */
  unplug(): void {
    this.plugged = false;
    this.handle?.emit('error', new Error('could not read from HID device'));
  }

  /** @internal used by the memory module */
  attach(handle: MemoryHidHandle | null): void {
    this.handle = handle;
  }
}

class MemoryHidHandle extends EventEmitter implements HidDeviceHandle {
  constructor(private readonly device: MemoryHidDevice) {
    super();
  }

  async close(): Promise<void> {
    this.device.attach(null);
    this.removeAllListeners();
  }
}

/** A node-hid look-alike over the given devices (open is exclusive, like hidraw in practice). */
export function createMemoryHid(devices: MemoryHidDevice[]): HidModule {
  return {
    HIDAsync: {
      async open(path: string): Promise<HidDeviceHandle> {
        const device = devices.find((d) => d.plugged && d.info.path === path);
        if (!device) throw new Error(`cannot open device with path ${path}: No such file or directory`);
        if (device.isOpen) throw new Error(`cannot open device with path ${path}: Device or resource busy`);
        const handle = new MemoryHidHandle(device);
        device.attach(handle);
        return handle;
      },
    },
    async devicesAsync(): Promise<HidDeviceDescriptor[]> {
      return devices.filter((d) => d.plugged).map((d) => ({ ...d.info }));
    },
  };
}
