/**
 * Keep it so (issue 16): settings files fast-check makes up, a fresh seed each run (printed).
 * Any text or bytes in `settings.json` give valid settings without an exception; any field
 * that was valid is kept; a privacy setting is on only if the file had it on (or, from an
 * older build, did not have it at all).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../../../electron/services/settings/settings-file';
import { recoverSettings } from '../../../../electron/services/settings/settings-recovery';
import {
  defaultSettings,
  SettingsSchema,
  SETTINGS_VERSION,
  type Settings,
} from '../../../../shared/schemas/settings';
import { fuzzRun } from '../../../fuzz-run';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-settings-fuzz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Section = Exclude<keyof Settings, 'version'>;
const sections = Object.keys(defaultSettings).filter((k) => k !== 'version') as Section[];

/** A settings file: each field kept, dropped or replaced by anything; sections likewise. */
const garbage = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(true, false, 'on', 1, 0, null, [], {}, 'x'.repeat(600)),
);
const fieldValue = (value: unknown) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: garbage },
  );
const sectionArb = (section: Section) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record(
        Object.fromEntries(
          Object.entries(defaultSettings[section]).map(([k, v]) => [k, fieldValue(flipped(v))]),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: garbage },
  );
/** A non-default value of the same type, so that kept values are told from defaults. */
function flipped(value: unknown): unknown {
  return typeof value === 'boolean' ? !value : value;
}
const fileArb = fc.record({
  version: fc.oneof(
    fc.constant(SETTINGS_VERSION),
    fc.constant(undefined),
    fc.constant(SETTINGS_VERSION + 1),
    garbage,
  ),
  ...Object.fromEntries(sections.map((s) => [s, sectionArb(s)])),
});

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value the file gave for a field, or undefined when it gave none readable. */
function given(raw: Record<string, unknown>, section: Section, field: string): unknown {
  const value = raw[section];
  return isRecord(value) ? value[field] : undefined;
}

describe('settings files made up by fast-check', () => {
  it('keep every valid field and never turn a privacy setting on', () => {
    fc.assert(
      fc.property(fileArb, (raw) => {
        const file = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
        const { settings } = recoverSettings(file);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        for (const section of sections) {
          const declared = SettingsSchema.shape[section] as z.ZodType;
          const shape = (declared instanceof z.ZodDefault ? declared.unwrap() : declared) as
            z.ZodObject | z.ZodRecord;
          for (const field of Object.keys(defaultSettings[section])) {
            const value = given(file, section, field);
            const out = (settings[section] as Record<string, unknown>)[field];
            const fieldSchema = (
              'shape' in shape ? (shape.shape as Record<string, unknown>)[field] : shape.valueType
            ) as { safeParse(v: unknown): { success: boolean; data?: unknown } };
            const parsed = value === undefined ? null : fieldSchema.safeParse(value);
            // Kept as the schema reads it (an accelerator is trimmed).
            if (parsed?.success) expect(out, `${section}.${field}`).toEqual(parsed.data);
          }
        }
        const on = (section: Section, field: string, value: unknown) => {
          const had = given(file, section, field);
          const sectionReadable = isRecord(file[section]) || file[section] === undefined;
          return had === value || (had === undefined && sectionReadable);
        };
        if (settings.privacy.recordFeedback)
          expect(on('privacy', 'recordFeedback', true)).toBe(true);
        if (settings.speech.saveAudio) expect(on('speech', 'saveAudio', true)).toBe(true);
        if (settings.assist.clipboardWatch) expect(on('assist', 'clipboardWatch', true)).toBe(true);
        if (settings.assist.generationEnabled)
          expect(on('assist', 'generationEnabled', true)).toBe(true);
        if (settings.learning.enabled) expect(on('learning', 'enabled', true)).toBe(true);
        if (settings.learning.allowExport) expect(on('learning', 'allowExport', true)).toBe(true);
        if (settings.knowledge.allowUnsignedPacks)
          expect(on('knowledge', 'allowUnsignedPacks', true)).toBe(true);
        if (!settings.overlay.contentProtection)
          expect(on('overlay', 'contentProtection', false)).toBe(true);
        const hosts = given(file, 'privacy', 'allowedEndpointHosts');
        // Every host allowed now was in the file (as the schema reads it, trimmed).
        const listed = Array.isArray(hosts)
          ? hosts.map((h) => (typeof h === 'string' ? h.trim() : h))
          : [];
        for (const host of settings.privacy.allowedEndpointHosts) expect(listed).toContain(host);
      }),
      fuzzRun('settings fields', { runs: 2000, ms: 10_000 }),
    );
  });

  it('read any text or bytes in the file without an exception', async () => {
    const path = join(dir, 'settings.json');
    const content = fc.oneof(
      fileArb.map((raw) => JSON.stringify(raw)),
      fileArb.map((raw) => `\uFEFF${JSON.stringify(raw)}`),
      fc.string({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        await writeFile(path, text);
        const { settings } = await readSettingsFile(path);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
      }),
      fuzzRun('settings files', { runs: 400, ms: 10_000 }),
    );
  }, 60_000);
});
