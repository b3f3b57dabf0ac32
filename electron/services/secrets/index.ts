/**
 * The secrets capability: API keys and tokens in the OS keychain only, behind `SecretStore`
 * (keytar on the desktop, an in-memory store in tests) and the `secrets:*` channels. Where no
 * keychain answers, writes are refused: nothing is ever written to disk in its place.
 */
import { AppError } from '../../../shared/result';
import type { Capability } from '../core/capability';
import { secretStatus } from './secret-status';
import type { SecretStore } from './secret-store';

export type { SecretStore };

export function createSecrets(store: SecretStore): Capability<SecretStore, 'secrets'> {
  return {
    service: store,
    handlers: {
      'secrets:status': () => secretStatus(store),
      'secrets:set': async ({ name, value }) => {
        await requireKeychain(store);
        await store.set(name, value);
        return secretStatus(store);
      },
      'secrets:delete': async ({ name }) => {
        await requireKeychain(store);
        await store.delete(name);
        return secretStatus(store);
      },
    },
    close: async () => {},
  };
}

async function requireKeychain(secrets: SecretStore): Promise<void> {
  if (!(await secrets.available())) {
    throw new AppError(
      'unavailable',
      `The OS keychain (${secrets.backend}) is not available, so secrets cannot be stored. ` +
        'Run `inloop doctor` for the fix; Inloop never writes secrets to disk in its place.',
    );
  }
}
