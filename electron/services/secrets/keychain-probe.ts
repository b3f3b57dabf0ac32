/**
 * Asks the OS keychain whether it answers, with a deadline. libsecret calls block when the
 * Secret Service hangs or waits on an unlock prompt nobody can see, and a blocked native
 * call pins a libuv thread so the process can no longer exit (even `process.exit` waits).
 * The default probe therefore runs in a child Node process that is killed at the deadline;
 * only a keychain that has answered is then used in-process.
 */
import { execFile } from 'node:child_process';
import type { SecretStoreAvailability } from './secret-store';
import { errorText, type Keytar } from './keytar-loader';

/** Probes the keychain for `service`; never rejects. */
export type KeychainProbe = (service: string) => Promise<SecretStoreAvailability>;

export const DEFAULT_PROBE_TIMEOUT_MS = 4000;

/** Runs in the child: list the service's credentials, print only whether it worked. */
const childScript = `
const done = (answer) => process.stdout.write(JSON.stringify(answer), () => process.exit(0));
let keytar;
try { keytar = require(process.env.INLOOP_KEYTAR_PATH); }
catch (error) { done({ available: false, reason: 'the keytar native module did not load: ' + error.message }); }
if (keytar) keytar.findCredentials(process.env.INLOOP_KEYCHAIN_SERVICE).then(
  () => done({ available: true }),
  (error) => done({ available: false, reason: String((error && error.message) || error) }),
);`;

export interface ChildProbeOptions {
  /** keytar's resolved entry file, loaded by the child. */
  keytarPath: string;
  timeoutMs?: number;
  /** The child's environment (default: this process's); tests point it at a dead bus. */
  env?: NodeJS.ProcessEnv;
}

/** The default probe for Node hosts: a short-lived `node -e` child, SIGKILLed at the deadline. */
export function childProcessProbe(options: ChildProbeOptions): KeychainProbe {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  return (service) =>
    new Promise((resolve) => {
      const env = {
        ...(options.env ?? process.env),
        INLOOP_KEYTAR_PATH: options.keytarPath,
        INLOOP_KEYCHAIN_SERVICE: service,
      };
      execFile(
        process.execPath,
        ['-e', childScript],
        { env, timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true },
        (error, stdout, stderr) => {
          if (error && error.killed) return resolve(unanswered(timeoutMs));
          resolve(parseProbeAnswer(stdout, error ? errorText(stderr || error) : undefined));
        },
      );
    });
}

/**
 * The probe for hosts that cannot spawn a plain Node (Electron with the RunAsNode fuse off):
 * the same question in-process with a deadline. A call that never returns stays pending, so
 * while one is outstanding no further native call is started.
 */
export function inProcessProbe(
  keytar: Keytar,
  timeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
): KeychainProbe {
  let stuck: Promise<unknown> | undefined;
  return async (service) => {
    if (stuck) return unanswered(timeoutMs);
    const call = keytar.findCredentials(service);
    const answer = await settleWithin(call, timeoutMs);
    switch (answer.kind) {
      case 'value':
        return { available: true };
      case 'error':
        return { available: false, reason: errorText(answer.error) };
      case 'timeout':
        stuck = call.finally(() => (stuck = undefined)).catch(() => {});
        return unanswered(timeoutMs);
    }
  };
}

/** How a promise settled within a deadline. */
export type Settled<T> =
  { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/** Waits for `promise` at most `ms`; the timer never keeps the process alive. */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: 'value', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'error', error });
      },
    );
  });
}

/** The child's JSON answer; anything else means the keychain is not usable. */
export function parseProbeAnswer(stdout: string, failure?: string): SecretStoreAvailability {
  try {
    const answer = JSON.parse(stdout) as { available?: unknown; reason?: unknown };
    if (answer.available === true) return { available: true };
    if (answer.available === false && typeof answer.reason === 'string') {
      return { available: false, reason: answer.reason };
    }
  } catch {
    // fall through: no answer at all
  }
  return { available: false, reason: `the keychain probe failed: ${failure ?? 'no answer'}` };
}

function unanswered(timeoutMs: number): SecretStoreAvailability {
  return {
    available: false,
    reason:
      `the keychain did not answer within ${timeoutMs} ms ` +
      '(a Secret Service that hangs, or a locked keyring waiting for a prompt)',
  };
}
