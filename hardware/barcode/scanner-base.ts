// What every scanner driver shares: open/close state, listener sets, and turning a decoded text
// into a ScanEvent with its check-digit verdict. Drivers only open, close and decode their device.
import { checkCode } from './check-digits.ts';
import type { BarcodeScanner, ScanEvent } from './scanner.ts';

type State = 'closed' | 'opening' | 'open' | 'closing';

export abstract class ScannerBase implements BarcodeScanner {
  private state: State = 'closed';
  private readonly scanListeners = new Set<(e: ScanEvent) => void>();
  private readonly errorListeners = new Set<(err: Error) => void>();

  constructor(readonly id: string) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  async open(): Promise<void> {
    if (this.state !== 'closed') throw new Error(`scanner ${this.id} is already open`);
    this.state = 'opening';
    try {
      await this.openDevice();
      this.state = 'open';
    } catch (err) {
      this.state = 'closed';
      throw err instanceof Error ? err : new Error(String(err));
    }
  }

  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'closing') return;
    this.state = 'closing';
    try {
      await this.closeDevice();
    } finally {
      this.state = 'closed';
    }
  }

  onScan(cb: (e: ScanEvent) => void): () => void {
    this.scanListeners.add(cb);
    return () => this.scanListeners.delete(cb);
  }

  onError(cb: (err: Error) => void): () => void {
    this.errorListeners.add(cb);
    return () => this.errorListeners.delete(cb);
  }

  protected abstract openDevice(): Promise<void>;
  protected abstract closeDevice(): Promise<void>;

  /** Deliver one decoded scan. Ignored while not open and for blank text. */
  protected deliverScan(rawText: string, aim?: string): void {
    const text = rawText.trim();
    if (this.state !== 'open' || text === '') return;
    const event: ScanEvent = { text, check: checkCode(text, { aim }), source: this.id, at: Date.now() };
    if (aim) event.aim = aim;
    for (const cb of [...this.scanListeners]) {
      try {
        cb(event);
      } catch (err) {
        this.deliverError(new Error(`scan listener of ${this.id} failed: ${(err as Error)?.message ?? err}`));
      }
    }
  }

  protected deliverError(err: Error): void {
    for (const cb of [...this.errorListeners]) {
      try {
        cb(err);
      } catch {
        // An error listener that throws has nowhere left to report to.
      }
    }
  }

  /** The device went away (unplugged, read failed): report it; the scanner is closed. */
  protected deviceLost(err: Error): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.deliverError(err);
  }
}
