// The slice of node-hid the barcode drivers use, loaded lazily: node-hid is an optional native
// module (hidapi over hidraw/libusb) and a counter PC without it must still start, with a clear
// "USB HID unavailable: <why>" instead of a crash at import time.

export interface HidDeviceDescriptor {
  vendorId: number;
  productId: number;
  path?: string;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
  usagePage?: number;
  usage?: number;
  interface?: number;
}

/** An open HID device, as node-hid's HIDAsync exposes it ('data' and 'error' events). */
export interface HidDeviceHandle {
  on(event: 'data', cb: (data: Buffer) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
  close(): Promise<void>;
}

export interface HidModule {
  HIDAsync: { open(path: string): Promise<HidDeviceHandle> };
  devicesAsync(): Promise<HidDeviceDescriptor[]>;
}

export const GENERIC_DESKTOP_PAGE = 0x01;
export const KEYBOARD_USAGE = 0x06;

/** Import node-hid and load its native binding; rejects with "USB HID unavailable: <why>". */
export async function loadNodeHid(): Promise<HidModule> {
  try {
    const hid = await import('node-hid');
    hid.getHidapiVersion(); // the native binding loads lazily: force it here, where we can report it
    return hid as unknown as HidModule;
  } catch (err) {
    throw new Error(`USB HID unavailable: ${(err as Error)?.message ?? String(err)}`);
  }
}

export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** Stable id of one plugged-in HID interface (two identical scanners differ by path). */
export function hidDeviceId(d: HidDeviceDescriptor): string {
  return `hid:${hex4(d.vendorId)}:${hex4(d.productId)}${d.path ? `@${d.path}` : ''}`;
}

export function isKeyboardInterface(d: HidDeviceDescriptor): boolean {
  return d.usagePage === GENERIC_DESKTOP_PAGE && d.usage === KEYBOARD_USAGE;
}
