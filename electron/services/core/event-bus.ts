/** Typed fan-out of service events to every connected UI (IPC windows, WebSocket clients). */
import type { EventChannel, EventOf } from '../../../shared/contract';

export type EventListener = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** How many listeners are subscribed (a number that keeps growing is a leak). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
