/**
 * The secret-store interface: the only way code reaches API keys and tokens.
 * Backed by the OS keychain through keytar (archived upstream, hence kept behind this
 * interface so it can be swapped for Electron's safeStorage or a maintained binding).
 * Values never go to settings, logs, or the renderer.
 */
import { SecretNameSchema, type SecretName } from '../../../shared/schemas/secrets';

/** Whether the backend answers, and if not, why (shown by `inloop doctor`). */
export type SecretStoreAvailability =
  { readonly available: true } | { readonly available: false; readonly reason: string };

export interface SecretStore {
  /** Short name of the backend, shown by `inloop doctor` (e.g. `keytar (libsecret)`). */
  readonly backend: string;
  /** True when the backend answers (a keychain daemon is running and unlocked). */
  available(): Promise<boolean>;
  /** Like `available()`, with the reason when it is not; optional for simple stores. */
  availability?(): Promise<SecretStoreAvailability>;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
  /** Names that currently hold a value. */
  list(): Promise<SecretName[]>;
}

/** Keychain service name under which every Inloop secret is stored. */
export const KEYCHAIN_SERVICE = 'dev.inloop.app';

/**
 * The secret names among keychain account names, once each, in the contract's order.
 * Accounts that are not secret names (left by another build, or by hand) are ignored.
 */
export function secretNamesIn(accounts: Iterable<string>): SecretName[] {
  const present = new Set(accounts);
  return SecretNameSchema.options.filter((name) => present.has(name));
}
