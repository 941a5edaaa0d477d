// A set of callbacks with subscribe-returns-unsubscribe, shared by the radios, relays and batcher.

export class Listeners<T> {
  private readonly callbacks = new Set<(value: T) => void>();

  add(cb: (value: T) => void): () => void {
    // wrap so the same function subscribed twice gets two independent subscriptions
    const entry = (value: T): void => cb(value);
    this.callbacks.add(entry);
    return () => {
      this.callbacks.delete(entry);
    };
  }

  emit(value: T): void {
    for (const cb of [...this.callbacks]) cb(value);
  }

  get size(): number {
    return this.callbacks.size;
  }
}
