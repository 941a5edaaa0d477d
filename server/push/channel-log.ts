// One push channel: numbered events with a bounded in-memory backlog for resuming clients.
// A client that asks to resume from a point still in the backlog gets exactly the missing events;
// one that asks from an older point, or from another server epoch, gets a snapshot instead.
//
// Events are kept as the bytes sent on the socket, not as objects: a busy mall's backlogs hold tens
// of thousands of cards, and as object graphs they made each major GC mark ~150 MB of small objects —
// pauses of 100 ms and more in the presence benchmark. The bytes are made once for all subscribers and
// live outside the JS heap (a Buffer of their own, not a slice of Node's shared pool, which one kept
// entry would pin): kept as strings, they were ~45 % of what the server's young generation promoted.
//
// The backlog is bounded by count AND by the size of the kept messages: a shop list is ~15–30 KB, and 256 of them for each of 5,000 customers would grow the heap by gigabytes (it grew by
// ~25 KB per location change, without end, in the presence benchmark). The newest event is always kept.
//
// And a channel keeps nothing until a client first subscribes to it (`retain()`): only a client that
// received events of this channel in this epoch can ask to resume, so before that a backlog could
// never be used (a resume point from nowhere gets a snapshot, as always). Most customers never open
// their companion page: their lists are then not even serialized (`skip`).
import type { PushEvent, ServerMessage } from '../../protocol/push.ts';

export interface LoggedEvent { seq: number; at: string; /** The `event` ServerMessage, serialized (UTF-8). */ data: Buffer }

/** The message's UTF-8 bytes in a Buffer of its own (outside the JS heap; not pinning a pooled slab). */
function ownBytes(text: string): Buffer {
  const data = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  data.write(text);
  return data;
}

export class ChannelLog {
  private seq = 0;
  /** Ring buffer of the kept events (`capacity` cells, made by retain()): `count` of them from index `head` (the oldest). */
  private backlog: (LoggedEvent | undefined)[] = [];
  private head = 0;
  private count = 0;
  /** Total size (bytes) of the kept messages. */
  private bytes = 0;
  private retaining = false;

  /**
   * @param capacity events kept at most
   * @param maxBytes total message size kept at most (the newest event is kept whatever its size)
   */
  constructor(private readonly capacity: number, private readonly maxBytes = Infinity) {}

  get lastSeq(): number {
    return this.seq;
  }

  /** Whether events are kept for resumes: since the first client subscribed. */
  get retained(): boolean {
    return this.retaining;
  }

  /** From now on, events are kept for resumes (a client subscribed: it may come back and resume). */
  retain(): void {
    if (this.retaining) return;
    this.retaining = true;
    this.backlog = new Array<LoggedEvent | undefined>(this.capacity).fill(undefined);
  }

  /** Numbers an event nobody receives and nobody can resume to (not retained): not serialized, nothing kept. */
  skip(): void {
    if (this.retaining) throw new Error('a retained channel logs every event');
    this.seq++;
  }

  /** Events kept and their total size in bytes (diagnostics, tests). */
  get kept(): { events: number; bytes: number } {
    return { events: this.count, bytes: this.bytes };
  }

  append(event: PushEvent, at: string): LoggedEvent {
    const seq = ++this.seq;
    const entry: LoggedEvent = { seq, at, data: ownBytes(JSON.stringify({ type: 'event', seq, at, event } satisfies ServerMessage)) };
    if (!this.retaining) return entry;
    while (this.count > 0 && (this.count >= this.capacity || this.bytes + entry.data.length > this.maxBytes)) this.dropOldest();
    if (this.capacity > 0) {
      this.backlog[(this.head + this.count) % this.capacity] = entry;
      this.count++;
      this.bytes += entry.data.length;
    }
    return entry;
  }

  private dropOldest(): void {
    this.bytes -= this.backlog[this.head]!.data.length;
    this.backlog[this.head] = undefined; // let the bytes be collected
    this.head = (this.head + 1) % this.capacity;
    this.count--;
  }

  /** Events after `afterSeq`, oldest first; undefined when some of them are no longer kept. */
  since(afterSeq: number): LoggedEvent[] | undefined {
    if (afterSeq > this.seq) return undefined;
    if (afterSeq === this.seq) return [];
    const missing = this.seq - afterSeq;
    if (missing > this.count) return undefined;
    const out: LoggedEvent[] = [];
    for (let i = this.count - missing; i < this.count; i++) out.push(this.backlog[(this.head + i) % this.capacity]!);
    return out;
  }
}
