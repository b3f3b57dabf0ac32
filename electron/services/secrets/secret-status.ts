/** What the UI may know about secrets: whether the keychain works and which names hold a value. */
import type { SecretStatus } from '../../../shared/schemas/secrets';
import type { SecretStore } from './secret-store';

/** The store's status; never a value. An unavailable keychain is not asked for names. */
export async function secretStatus(store: SecretStore): Promise<SecretStatus> {
  const available = await store.available();
  return { available, backend: store.backend, stored: available ? await store.list() : [] };
}
