import { Tx } from './transaction';

/**
 * Listeners that act inside another change's transaction, in the order they registered: how a
 * lib lets the libs that depend on it take part in one of its changes without depending on them
 * (each registers at start; a listener that throws rolls the whole change back).
 */
export class TransactionListeners<E> {
  private readonly listeners: ((tx: Tx, event: E) => Promise<void>)[] = [];

  register(listener: (tx: Tx, event: E) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async notify(tx: Tx, event: E): Promise<void> {
    for (const listener of this.listeners) await listener(tx, event);
  }
}
