/**
 * Policy test doubles. The registry and managed preferences cannot exist on this Linux
 * machine, so `FakePolicyStore` stands in for them behind the addon's own `createWatcher`
 * contract (@vscode/policy-watcher): every set value reported once at start, asynchronously;
 * then, after each change, the set values with removed ones as `undefined`. Values are what the
 * registry holds: strings (JSON and lists as text), numbers, booleans.
 */
import type { CreatePolicyWatcher } from '../../../../electron/services/policy/native-source';

type Value = string | number | boolean;

export class FakePolicyStore {
  /** productName + registryPath → value name → value. */
  private readonly places = new Map<string, Map<string, Value>>();
  private readonly watchers = new Set<{
    place: string;
    names: string[];
    notify: (u: Record<string, Value | undefined>) => void;
  }>();
  /** Calls to createWatcher: product name and options, as the addon received them. */
  readonly created: {
    productName: string;
    registryPath?: string;
    policies: Record<string, { type: string }>;
  }[] = [];
  /** When false, watchers never send their first report (a stuck addon). */
  answers = true;

  static placeOf(productName: string, registryPath?: string): string {
    return registryPath ?? productName;
  }

  /** Sets (or with undefined removes) a value, then tells the watchers of that place. */
  set(place: string, name: string, value: Value | undefined): void {
    const values = this.places.get(place) ?? new Map<string, Value>();
    this.places.set(place, values);
    const had = values.has(name);
    if (value === undefined) values.delete(name);
    else values.set(name, value);
    for (const watcher of this.watchers) {
      if (watcher.place !== place || !watcher.names.includes(name)) continue;
      if (value === undefined && !had) continue;
      watcher.notify({ ...this.snapshot(place, watcher.names), [name]: value });
    }
  }

  private snapshot(place: string, names: string[]): Record<string, Value> {
    const values = this.places.get(place) ?? new Map<string, Value>();
    return Object.fromEntries(names.filter((n) => values.has(n)).map((n) => [n, values.get(n)!]));
  }

  readonly createWatcher: CreatePolicyWatcher = (productName, policies, onDidChange, options) => {
    this.created.push({ productName, registryPath: options?.registryPath, policies });
    const place = FakePolicyStore.placeOf(productName, options?.registryPath);
    const watcher = { place, names: Object.keys(policies), notify: onDidChange };
    this.watchers.add(watcher);
    if (this.answers) setImmediate(() => onDidChange(this.snapshot(place, watcher.names)));
    return { dispose: () => this.watchers.delete(watcher) };
  };
}

/** Resolves with the next value `subscribe` gives (tests wait on events, never sleep). */
export function nextValue<T>(subscribe: (listener: (value: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    const stop = subscribe((value) => {
      stop();
      resolve(value);
    });
  });
}
