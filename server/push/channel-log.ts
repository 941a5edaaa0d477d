// One push channel: numbered events with a bounded in-memory backlog for resuming clients.
// A client that asks to resume from a point still in the backlog gets exactly the missing events;
// one that asks from an older point, or from another server epoch, gets a snapshot instead.
import type { PushEvent } from '../../protocol/push.ts';

export interface LoggedEvent { seq: number; at: string; event: PushEvent }

export class ChannelLog {
  private seq = 0;
  private readonly backlog: LoggedEvent[] = [];
  private head = 0; // index of the oldest kept event in `backlog` (ring buffer)

  constructor(private readonly capacity: number) {}

  get lastSeq(): number {
    return this.seq;
  }

  append(event: PushEvent, at: string): LoggedEvent {
    const entry: LoggedEvent = { seq: ++this.seq, at, event };
    if (this.backlog.length < this.capacity) this.backlog.push(entry);
    else {
      this.backlog[this.head] = entry;
      this.head = (this.head + 1) % this.capacity;
    }
    return entry;
  }

  /** Events after `afterSeq`, oldest first; undefined when some of them are no longer kept. */
  since(afterSeq: number): LoggedEvent[] | undefined {
    if (afterSeq > this.seq) return undefined;
    if (afterSeq === this.seq) return [];
    const missing = this.seq - afterSeq;
    if (missing > this.backlog.length) return undefined;
    const out: LoggedEvent[] = [];
    const n = this.backlog.length;
    for (let i = n - missing; i < n; i++) out.push(this.backlog[(this.head + i) % n]);
    return out;
  }
}
