/**
 * The one shape of a capability module. Each `electron/services/<capability>/index.ts`
 * exports `create<Capability>(deps)` resolving to `{ service, handlers, close }`; the
 * composition root (`electron/app/create-services.ts`) spreads the handlers into the
 * dispatcher's table and closes the modules in reverse order of creation.
 *
 * A capability's channels are derived from the contract by prefix (`ChannelsOf<'packs'>` is
 * every `packs:*` request channel), so adding a channel to `shared/contract.ts` makes the
 * type checker ask for its handler in the one module that owns the prefix.
 */
import type { RequestChannel } from '../../../shared/contract';
import type { Handlers } from './dispatcher';

/** Every request channel of the contract whose name starts with `<prefix>:`. */
export type ChannelsOf<Prefix extends string> = Extract<RequestChannel, `${Prefix}:${string}`>;

/** The handlers of every channel under the prefix(es). */
export type HandlersOf<Prefix extends string> = Pick<Handlers, ChannelsOf<Prefix>>;

/** What `create<Capability>(deps)` resolves to. */
export interface Capability<Service, Prefix extends string> {
  readonly service: Service;
  readonly handlers: HandlersOf<Prefix>;
  /** Stops timers, workers and servers the module started; idempotent. */
  close(): Promise<void>;
}
