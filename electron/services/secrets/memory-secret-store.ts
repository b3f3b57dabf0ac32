/**
 * TEST DOUBLE: an in-memory SecretStore for unit tests of other services (settings, IPC,
 * the web host). No host ever uses it, and it is never a fallback for a missing keychain:
 * Inloop keeps secrets only in the OS keychain (see keytar-secret-store.ts).
 */
import type { SecretName } from '../../../shared/schemas/secrets';
import { AppError } from '../../../shared/result';
import { secretNamesIn, type SecretStore, type SecretStoreAvailability } from './secret-store';

export interface MemorySecretStoreOptions {
  /** False mimics a machine without a keychain: every operation fails with `unavailable`. */
  available?: boolean;
  backend?: string;
}

/** A test double holding secrets in a Map; behaves like the keychain store, errors included. */
export function createMemorySecretStore(options: MemorySecretStoreOptions = {}): SecretStore {
  const values = new Map<SecretName, string>();
  const isAvailable = options.available ?? true;
  const backend = options.backend ?? 'memory (test double)';
  const usable = () => {
    if (!isAvailable) {
      throw new AppError('unavailable', `The OS keychain (${backend}) is not available.`);
    }
  };
  const availability = async (): Promise<SecretStoreAvailability> =>
    isAvailable ? { available: true } : { available: false, reason: 'disabled by the test' };
  return {
    backend,
    available: async () => isAvailable,
    availability,
    get: async (name) => (usable(), values.get(name) ?? null),
    set: async (name, value) => {
      usable();
      values.set(name, value);
    },
    delete: async (name) => (usable(), values.delete(name)),
    list: async () => (usable(), secretNamesIn(values.keys())),
  };
}
