/**
 * The SecretStore every host uses: the OS keychain through keytar (libsecret's Secret
 * Service on Linux, the Keychain on macOS, the Credential Manager on Windows), under the
 * service name `dev.inloop.app`, one entry per secret name.
 *
 * keytar is loaded lazily and the keychain is probed (with a deadline) before it is used,
 * so a broken native module, a missing D-Bus or a hung Secret Service makes `available()`
 * false with a reason, and every operation fail with `unavailable`, instead of a crash or
 * a hang. Secret values never appear in errors or logs.
 */
import type { SecretName } from '../../../shared/schemas/secrets';
import { AppError } from '../../../shared/result';
import {
  childProcessProbe,
  DEFAULT_PROBE_TIMEOUT_MS,
  inProcessProbe,
  settleWithin,
  type KeychainProbe,
} from './keychain-probe';
import { errorText, loadKeytar, type Keytar, type KeytarLoad } from './keytar-loader';
import {
  KEYCHAIN_SERVICE,
  secretNamesIn,
  type SecretStore,
  type SecretStoreAvailability,
} from './secret-store';

export interface KeytarSecretStoreOptions {
  /** Keychain service name; default `dev.inloop.app`. */
  service?: string;
  /** Deadline of the availability probe; default 4 s. */
  probeTimeoutMs?: number;
  /** Deadline of a read or write once the keychain has answered; default 15 s. */
  operationTimeoutMs?: number;
  /** How long a probe's answer is reused, so one request does not probe three times. */
  probeTtlMs?: number;
  /** Environment of the default probe's child process (tests point it at a dead bus). */
  probeEnv?: NodeJS.ProcessEnv;
  /** Replaces the default probe, e.g. one that runs in an Electron utility process. */
  probe?: KeychainProbe;
  /** Replaces the keytar loader (tests simulate a broken native module). */
  load?: () => KeytarLoad;
  platform?: NodeJS.Platform;
}

/** A keytar-backed store; `availability()` says why the keychain is unavailable. */
export type KeytarSecretStore = SecretStore & {
  availability(): Promise<SecretStoreAvailability>;
};

/** The backend name `inloop doctor` and the settings screen show for a platform. */
export function keytarBackendName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'linux':
      return 'keytar (libsecret)';
    case 'darwin':
      return 'keytar (macOS Keychain)';
    case 'win32':
      return 'keytar (Windows Credential Manager)';
    default:
      return `keytar (${platform})`;
  }
}

/** The OS keychain as a SecretStore; nothing touches the keychain until first use. */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): KeytarSecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const backend = keytarBackendName(options.platform ?? process.platform);
  const load = options.load ?? loadKeytar;
  const ttlMs = options.probeTtlMs ?? 2000;
  const operationTimeoutMs = options.operationTimeoutMs ?? 15_000;
  let answer: { at: number; availability: SecretStoreAvailability } | undefined;
  let probing: Promise<SecretStoreAvailability> | undefined;
  let probe: KeychainProbe | undefined;

  const remember = (availability: SecretStoreAvailability) => {
    answer = { at: Date.now(), availability };
    return availability;
  };

  const probeNow = async (): Promise<SecretStoreAvailability> => {
    const loaded = load();
    if (!loaded.ok) return { available: false, reason: loaded.reason };
    probe ??= options.probe ?? defaultProbe(loaded, options);
    return probe(service);
  };

  const availability = (): Promise<SecretStoreAvailability> => {
    if (answer && Date.now() - answer.at < ttlMs) return Promise.resolve(answer.availability);
    probing ??= probeNow()
      .then(remember)
      .finally(() => (probing = undefined));
    return probing;
  };

  /** Runs one keychain call once the keychain has answered a probe, with a deadline. */
  const withKeychain = async <T>(what: string, call: (keytar: Keytar) => Promise<T>) => {
    const state = await availability();
    const loaded = load();
    if (!state.available || !loaded.ok) {
      const reason = state.available ? 'keytar did not load' : state.reason;
      throw new AppError('unavailable', `The OS keychain (${backend}) is not available: ${reason}`);
    }
    // keytar checks its arguments synchronously; a throw there must also become a result.
    const pending = Promise.resolve().then(() => call(loaded.keytar));
    const settled = await settleWithin(pending, operationTimeoutMs);
    switch (settled.kind) {
      case 'value':
        return settled.value;
      case 'error':
        throw new AppError(
          'unavailable',
          `The OS keychain (${backend}) could not ${what}: ${errorText(settled.error)}`,
        );
      case 'timeout': {
        const reason = `the keychain did not answer within ${operationTimeoutMs} ms`;
        remember({ available: false, reason });
        throw new AppError('timeout', `The OS keychain (${backend}) could not ${what}: ${reason}`);
      }
    }
  };

  return {
    backend,
    availability,
    available: async () => (await availability()).available,
    get: (name: SecretName) => withKeychain(`read ${name}`, (k) => k.getPassword(service, name)),
    set: (name: SecretName, value: string) =>
      withKeychain(`store ${name}`, (k) => k.setPassword(service, name, value)),
    delete: (name: SecretName) =>
      withKeychain(`delete ${name}`, (k) => k.deletePassword(service, name)),
    list: () =>
      withKeychain('list secrets', async (k) =>
        secretNamesIn((await k.findCredentials(service)).map((c) => c.account)),
      ),
  };
}

/**
 * A child-process probe where a plain Node can be spawned; inside Electron (where
 * `process.execPath` is the app itself) the in-process probe, unless the host passes its own.
 */
function defaultProbe(
  loaded: Extract<KeytarLoad, { ok: true }>,
  options: KeytarSecretStoreOptions,
): KeychainProbe {
  const timeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  if (process.versions.electron) return inProcessProbe(loaded.keytar, timeoutMs);
  return childProcessProbe({ keytarPath: loaded.modulePath, timeoutMs, env: options.probeEnv });
}
