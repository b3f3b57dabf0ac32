/**
 * The doctor's decisions, as pure functions from facts to a check: what counts as ok, warn
 * or fail, and what to do about it. The facts are gathered by machine-facts.ts.
 */
import type { DoctorCheck } from '../../../shared/schemas/diagnostics';
import type { SecretStoreAvailability } from '../secrets/secret-store';

/** The oldest Node that runs Inloop (package.json `engines`). */
export const MIN_NODE_VERSION = '22.12.0';

/** `22.12.0` or `v22.12.0` as numbers; null when it is not a version. */
export function parseVersion(version: string): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

export function isAtLeast(version: string, minimum: string): boolean {
  const have = parseVersion(version);
  const want = parseVersion(minimum);
  if (!have || !want) return false;
  for (let i = 0; i < 3; i += 1) {
    if (have[i] !== want[i]) return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
}

export function nodeCheck(version: string, minimum = MIN_NODE_VERSION): DoctorCheck {
  const base = { id: 'node', label: 'Node.js' };
  if (isAtLeast(version, minimum)) return { ...base, verdict: 'ok', detail: `Node ${version}` };
  return {
    ...base,
    verdict: 'fail',
    detail: `Node ${version} is older than ${minimum}`,
    fix: 'run `source scripts/ensure-node.sh` (puts Node 22 on PATH), or install Node 22',
  };
}

/** What is known about Electron: the running version, or the npm package and its binary. */
export interface ElectronFacts {
  running?: string;
  /** null when the `electron` npm package is not installed. */
  installed: { version: string; binary: string | null } | null;
}

export function electronCheck(facts: ElectronFacts): DoctorCheck {
  const base = { id: 'electron', label: 'Electron' };
  if (facts.running)
    return { ...base, verdict: 'ok', detail: `Electron ${facts.running} (running)` };
  const { installed } = facts;
  if (installed?.binary) {
    return {
      ...base,
      verdict: 'ok',
      detail: `Electron ${installed.version} at ${installed.binary}`,
    };
  }
  return {
    ...base,
    verdict: 'warn',
    detail: installed
      ? `the electron ${installed.version} npm package has no binary (its download was skipped)`
      : 'the electron npm package is not installed',
    fix: 'no Electron binary: `inloop serve` runs the same app in a browser',
  };
}

/** The data folder after the write probe. */
export interface DataDirFacts {
  path: string;
  /** False when the doctor had to create it. */
  existed: boolean;
  writable: boolean;
  /** Why it is not writable (the OS error). */
  error?: string;
}

export function dataDirCheck(facts: DataDirFacts): DoctorCheck {
  const base = { id: 'data-dir', label: 'Data folder' };
  if (facts.writable) {
    const how = facts.existed ? 'writable' : 'created, writable';
    return { ...base, verdict: 'ok', detail: `${facts.path} (${how})` };
  }
  const what = facts.existed ? 'is not writable' : 'cannot be created';
  return {
    ...base,
    verdict: 'fail',
    detail: `${facts.path} ${what}: ${facts.error ?? 'unknown error'}`,
    fix: 'fix its permissions, or choose another folder with --data-dir or INLOOP_DATA_DIR',
  };
}

export function keychainCheck(
  backend: string,
  availability: SecretStoreAvailability,
  platform: NodeJS.Platform,
): DoctorCheck {
  const base = { id: 'keychain', label: 'OS keychain' };
  if (availability.available) return { ...base, verdict: 'ok', detail: `${backend} available` };
  return {
    ...base,
    verdict: 'warn',
    detail: `${backend} not available (${availability.reason}); API keys and tokens cannot be saved`,
    fix: keychainFix(platform),
  };
}

function keychainFix(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'unlock the login keychain in Keychain Access';
    case 'win32':
      return 'start the Credential Manager service (services.msc)';
    default:
      return (
        'install gnome-keyring and libsecret (`bash scripts/system-deps.sh`) and start a Secret ' +
        'Service: log in to a desktop session, or run under `bash scripts/with-keyring.sh <command>`'
      );
  }
}

/** The Chromium the end-to-end tests drive. */
export interface ChromiumFacts {
  path: string;
  executable: boolean;
  /** True when the path came from INLOOP_CHROMIUM. */
  fromEnv: boolean;
}

export function chromiumCheck(facts: ChromiumFacts): DoctorCheck {
  const base = { id: 'chromium', label: 'Chromium (tests)' };
  const source = facts.fromEnv ? ' (INLOOP_CHROMIUM)' : '';
  if (facts.executable) return { ...base, verdict: 'ok', detail: `${facts.path}${source}` };
  return {
    ...base,
    verdict: 'warn',
    detail: `no executable Chromium at ${facts.path}${source}; end-to-end tests cannot run`,
    fix: '`bash scripts/system-deps.sh` installs it, or set INLOOP_CHROMIUM to a Chromium binary',
  };
}
