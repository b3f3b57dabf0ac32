/**
 * The manifest: strict UTF-8 JSON matching `PackManifestSchema`. The reader keeps the exact
 * bytes (they are what the signature covers) and parses them only once.
 */
import type { z } from 'zod';
import { PackManifestSchema, type PackManifest } from '../../../../shared/packs/pack-schemas';
import { describeZodError } from '../../../../shared/zod-issues';
import { PackFileError, printable } from './pack-file-error';
import { checkEntryPath } from './pack-entries';

/** Strict: a bad byte is an error, and a byte-order mark is kept (so JSON.parse refuses it). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 text, refusing malformed bytes; `what` names the text in the error. */
export function decodeUtf8(
  bytes: Uint8Array,
  what: string,
  problem: 'bad_manifest' | 'bad_signature',
): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new PackFileError(problem, `${what} is not valid UTF-8`);
  }
}

/** Parses manifest bytes, naming the first fields that are wrong. */
export function parseManifest(bytes: Uint8Array): PackManifest {
  const text = decodeUtf8(bytes, 'the pack manifest', 'bad_manifest');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // V8's message quotes the input; the position is all an admin needs.
    throw new PackFileError('bad_manifest', 'the pack manifest is not valid JSON');
  }
  checkRawEntryPaths(raw);
  const parsed = PackManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PackFileError(
      'bad_manifest',
      `the pack manifest is invalid: ${describeIssues(parsed.error, raw)}`,
    );
  }
  return parsed.data;
}

/** Serializes a manifest exactly as it will be signed and stored. */
export function encodeManifest(manifest: PackManifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(manifest));
}

/** Validates a manifest built in memory (the writer's input), with the reader's messages. */
export function validateManifest(candidate: unknown): PackManifest {
  checkRawEntryPaths(candidate);
  const parsed = PackManifestSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new PackFileError(
      'bad_manifest',
      `the pack manifest is invalid: ${describeIssues(parsed.error, candidate)}`,
    );
  }
  return parsed.data;
}

/** Entry paths are the field an attacker aims at; say plainly what is wrong with them. */
function checkRawEntryPaths(raw: unknown): void {
  if (typeof raw !== 'object' || raw === null || !('entries' in raw)) return;
  const { entries } = raw as { entries: unknown };
  if (!Array.isArray(entries)) return;
  for (const entry of entries.slice(0, 64)) {
    if (typeof entry === 'object' && entry !== null && 'path' in entry) {
      const { path } = entry as { path: unknown };
      if (typeof path === 'string') checkEntryPath(path);
    }
  }
}

/** The first problems, as one printable line (the manifest may be hostile). */
function describeIssues(error: z.ZodError, raw: unknown): string {
  return printable(describeZodError(error, raw, { limit: 3, root: 'the manifest' }), 400);
}
