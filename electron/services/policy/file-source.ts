/**
 * Policy from a JSON file: `/etc/inloop/policy.json` on Linux (root-owned; users cannot write
 * it), `{ "enforced": {…}, "defaults": {…} }`. The file is polled with `fs.watchFile` (a stat
 * per interval), which sees a file or its folder appear, change and disappear alike.
 */
import { readFile, stat } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { PolicyProblem } from '../../../shared/schemas/policy';
import {
  sourceProblem,
  type PolicyReading,
  type PolicySource,
  type RawPolicyLevel,
} from './policy-source';

/** Where Linux reads machine policy. */
export const LINUX_POLICY_FILE = '/etc/inloop/policy.json';

/** Milliseconds between two looks at the file while the app runs. */
export const POLICY_FILE_INTERVAL_MS = 5_000;

/** The reading of the file's text (null text: the file does not exist). Pure. */
export function readingOfPolicyText(source: string, text: string | null): PolicyReading {
  if (text === null) return { source, levels: { enforced: {}, defaults: {} }, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      source,
      levels: null,
      problems: [sourceProblem(source, `not JSON (${(error as Error).message})`)],
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      source,
      levels: null,
      problems: [sourceProblem(source, 'not a JSON object with "enforced" and "defaults"')],
    };
  }
  const problems: PolicyProblem[] = [];
  const level = (name: 'enforced' | 'defaults'): RawPolicyLevel => {
    const value = (raw as Record<string, unknown>)[name];
    if (value === undefined) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as RawPolicyLevel;
    }
    problems.push(sourceProblem(source, `"${name}" must be an object of policy keys (ignored)`));
    return {};
  };
  const levels = { enforced: level('enforced'), defaults: level('defaults') };
  for (const name of Object.keys(raw)) {
    if (name !== 'enforced' && name !== 'defaults') {
      problems.push(
        sourceProblem(
          source,
          `unknown section "${name}" (ignored): policy keys go under "enforced" or "defaults"`,
        ),
      );
    }
  }
  return { source, levels, problems };
}

/** Reads `path` now: its reading, never an exception. */
export async function readPolicyFile(path: string): Promise<PolicyReading> {
  let text: string | null;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return { source: path, levels: null, problems: [sourceProblem(path, 'is not a file')] };
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') text = null;
    else {
      return {
        source: path,
        levels: null,
        problems: [sourceProblem(path, `cannot be read (${(error as Error).message})`)],
      };
    }
  }
  return readingOfPolicyText(path, text);
}

export function createFilePolicySource(
  path: string,
  options: { intervalMs?: number } = {},
): PolicySource {
  let listener: ((current: Stats, previous: Stats) => void) | null = null;
  return {
    label: path,
    async start(onReading) {
      onReading(await readPolicyFile(path));
      if (listener) return;
      // A changed stat can arrive while the read before it is still running: readings are
      // chained so they reach the service in order.
      let chain = Promise.resolve();
      listener = (current: Stats, previous: Stats) => {
        // watchFile also calls once for a file that is missing from the start: no change.
        const same =
          current.mtimeMs === previous.mtimeMs &&
          current.size === previous.size &&
          current.ino === previous.ino;
        if (same) return;
        chain = chain.then(async () => onReading(await readPolicyFile(path)));
      };
      watchFile(
        path,
        { interval: options.intervalMs ?? POLICY_FILE_INTERVAL_MS, persistent: false },
        listener,
      );
    },
    close() {
      if (listener) unwatchFile(path, listener);
      listener = null;
    },
  };
}
