/**
 * What a slow browser client is still owed. Events are state (the settings, the assist state,
 * a transcript segment by id): when a client cannot keep up, a newer event replaces the one of
 * the same key that it has not been sent yet, so the client gets the newest state, late, and
 * the server holds at most one payload per key (and a bounded number of keys).
 */
import type { EventChannel, EventOf } from '../../../shared/contract';
import { assertNever } from '../../../shared/result';

/** Which parked event a newer one replaces. */
export function coalesceKey<E extends EventChannel>(event: E, payload: EventOf<E>): string {
  const channel: EventChannel = event;
  switch (channel) {
    case 'settings:changed':
    case 'overlay:state':
    case 'capture:state':
    case 'knowledge:changed':
    case 'assist:updated':
    case 'assist:generation':
    case 'speech:state':
    case 'learning:changed':
    case 'policy:changed':
    case 'feeds:changed':
      return channel;
    case 'app:notice':
      return `${channel}:${(payload as EventOf<'app:notice'>).id}`;
    case 'speech:segment':
      return `${channel}:${(payload as EventOf<'speech:segment'>).id}`;
    default:
      return assertNever(channel);
  }
}

export interface ParkedEvent {
  readonly event: EventChannel;
  readonly payload: unknown;
}

/** Parked events by key, oldest first; a replaced key moves to the end. */
export class EventOutbox {
  private readonly parked = new Map<string, ParkedEvent>();

  /** At most this many distinct keys; past it the oldest is dropped. */
  constructor(private readonly maxKeys = 256) {}

  get size(): number {
    return this.parked.size;
  }

  park<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    const key = coalesceKey(event, payload);
    this.parked.delete(key);
    this.parked.set(key, { event, payload });
    if (this.parked.size > this.maxKeys) {
      this.parked.delete(this.parked.keys().next().value!);
    }
  }

  /** The oldest parked event, removed; undefined when none. */
  shift(): ParkedEvent | undefined {
    const first = this.parked.entries().next();
    if (first.done) return undefined;
    this.parked.delete(first.value[0]);
    return first.value[1];
  }
}
