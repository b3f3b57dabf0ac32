/**
 * `InloopApi`: the domain-shaped object the renderer talks to
 * (`api.settings.update({...})`, `api.on('settings:changed', cb)`), derived from the contract.
 * The preload builds it over Electron IPC; the browser build builds it over the WebSocket.
 */
import {
  requestChannels,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from './contract';
import type { Result } from './result';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? CamelCase<V> : never;

type Method<C extends RequestChannel> =
  RequestOf<C> extends undefined
    ? () => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

type Domain<D extends string> = {
  [C in RequestChannel as DomainOf<C> extends D ? VerbOf<C> : never]: Method<C>;
};

export type InloopApi = { [D in DomainOf<RequestChannel>]: Domain<D> } & {
  /** Subscribe to a pushed event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
};

/** What a host's bridge provides: send a request, listen to an event. */
export interface ApiTransport {
  invoke(channel: RequestChannel, payload: unknown): Promise<Result<unknown>>;
  subscribe(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

export const toCamelCase = (verb: string): string =>
  verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Build the domain-shaped API over a transport; one method per request channel. */
export function createInloopApi(transport: ApiTransport): InloopApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of requestChannels) {
    const [domain, verb] = channel.split(':') as [string, string];
    const methods = (api[domain] ??= {});
    methods[toCamelCase(verb)] = (payload?: unknown) => transport.invoke(channel, payload);
  }
  const on = (event: EventChannel, listener: (payload: unknown) => void) =>
    transport.subscribe(event, listener);
  return { ...api, on } as unknown as InloopApi;
}
