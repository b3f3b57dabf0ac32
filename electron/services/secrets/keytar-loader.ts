/**
 * Loads keytar, a native addon, on first use rather than at import: a missing module, one
 * built for another Node/Electron ABI, or a missing libsecret then shows as an unavailable
 * keychain with the reason, instead of a crash when the app starts.
 */
import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';

export type Keytar = typeof KeytarModule;

export type KeytarLoad =
  | { readonly ok: true; readonly keytar: Keytar; readonly modulePath: string }
  | { readonly ok: false; readonly reason: string };

const require = createRequire(import.meta.url);
let loaded: KeytarLoad | undefined;

/** keytar and the file it was loaded from, or why it could not be loaded; memoised. */
export function loadKeytar(): KeytarLoad {
  loaded ??= tryLoadKeytar();
  return loaded;
}

function tryLoadKeytar(): KeytarLoad {
  try {
    const modulePath = require.resolve('keytar');
    return { ok: true, keytar: require(modulePath) as Keytar, modulePath };
  } catch (error) {
    return { ok: false, reason: `the keytar native module did not load: ${errorText(error)}` };
  }
}

/** The first line of an error's message: native errors can be long and multi-line. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]?.trim() || 'unknown error';
}
