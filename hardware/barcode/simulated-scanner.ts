// A scanner with no device: tests, the demo and the terminal agent's simulated mode push scans
// with emitScan(), like node-serialport's MockBinding emitData().
import { ScannerBase } from './scanner-base.ts';

export interface SimulatedScannerOptions {
  id?: string;
  /** False simulates an unplugged scanner: open() rejects. Default true. */
  present?: boolean;
}

let counter = 0;

export class SimulatedScanner extends ScannerBase {
  private present: boolean;

  constructor(opts: SimulatedScannerOptions = {}) {
    super(opts.id ?? `simulated:${++counter}`);
    this.present = opts.present ?? true;
  }

  /** Pretend a barcode was read. Throws when the scanner is not open (nothing would read it). */
  emitScan(text: string, opts: { aim?: string } = {}): void {
    if (!this.isOpen) throw new Error(`simulated scanner ${this.id} is not open`);
    this.deliverScan(text, opts.aim);
  }

  /** Pretend the scanner was unplugged while open: onError fires and the scanner is closed. */
  disconnect(reason = 'simulated scanner unplugged'): void {
    this.present = false;
    this.deviceLost(new Error(`${this.id}: ${reason}`));
  }

  /** Plug the simulated scanner back in (open() works again). */
  reconnect(): void {
    this.present = true;
  }

  protected async openDevice(): Promise<void> {
    if (!this.present) throw new Error(`simulated scanner ${this.id} is not connected`);
  }

  protected async closeDevice(): Promise<void> {}
}
