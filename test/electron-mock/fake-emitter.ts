/** An event emitter with the `on` shape Electron objects have, plus `emit` for tests. */
export type AnyListener = (...args: never[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, AnyListener[]>();

  on(event: string, listener: AnyListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  removeListener(event: string, listener: AnyListener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  /** Call every listener of `event` with `args`, as Electron would. */
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => unknown)(...args);
    }
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An event whose `preventDefault` is recorded. */
export function preventableEvent<T extends object>(
  fields: T = {} as T,
): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
