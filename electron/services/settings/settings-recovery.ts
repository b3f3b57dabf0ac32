/**
 * Field-level recovery of a settings file: every field that validates is kept, each one that
 * does not takes its default, and nothing else is lost (one bad theme must not cost the agent
 * their trusted publisher keys). A damaged field whose default would record, share or show
 * more than the agent may have chosen takes the private value instead: recovery never turns
 * feedback recording, audio saving or an endpoint back on. Pure: settings-file.ts does the I/O.
 */
import { z } from 'zod';
import {
  defaultSettings,
  SettingsSchema,
  SETTINGS_VERSION,
  type Settings,
} from '../../../shared/schemas/settings';
import { migrateSettings } from './settings-migrations';

type Section = Exclude<keyof Settings, 'version'>;

/** Every section of the settings (all but `version`). */
const SECTIONS = (Object.keys(defaultSettings) as (keyof Settings)[]).filter(
  (key): key is Section => key !== 'version',
);

/**
 * The value a damaged (or unreadable) field takes when its default is not the private choice:
 * recording off, the overlay hidden from screen sharing. Fields whose default is already the
 * private one (saving audio, the clipboard watch, generation, unsigned packs, endpoint hosts)
 * are listed too, so a changed default cannot quietly turn them on here.
 */
export const PRIVATE_VALUES: { readonly [S in Section]?: Partial<Settings[S]> } = {
  privacy: { recordFeedback: false, allowedEndpointHosts: [] },
  overlay: { contentProtection: true },
  assist: { clipboardWatch: false, generationEnabled: false },
  speech: { saveAudio: false },
  knowledge: { allowUnsignedPacks: false },
  learning: { enabled: false, allowExport: false },
  updates: { url: '' },
  feeds: { subscriptions: [] },
};

/** What a recovery changed. */
export interface Recovery {
  readonly settings: Settings;
  /** Dotted paths of the fields that were damaged and reset (`knowledge.trustedPublisherKeys[1]`). */
  readonly reset: readonly string[];
  /** Of those, the ones set to their private value where it differs from the default. */
  readonly madePrivate: readonly string[];
  /** The version the file says it was written by, when that is newer than this app's. */
  readonly newerVersion: number | null;
}

/** Settings with every private value applied: for a file that could not be read at all. */
export function privateDefaults(): Settings {
  const settings = structuredClone(defaultSettings) as Record<Section, Record<string, unknown>>;
  for (const section of SECTIONS) Object.assign(settings[section], PRIVATE_VALUES[section]);
  return settings as unknown as Settings;
}

/** The fields `privateDefaults` sets away from their defaults. */
export function privateFields(): string[] {
  return SECTIONS.flatMap((section) =>
    Object.entries(PRIVATE_VALUES[section] ?? {})
      .filter(([field, value]) => !sameJson(value, fieldDefault(section, field)))
      .map(([field]) => `${section}.${field}`),
  );
}

/** The settings in a parsed JSON value, field by field. */
export function recoverSettings(raw: unknown): Recovery {
  if (!isRecord(raw)) {
    return {
      settings: privateDefaults(),
      reset: ['*'],
      madePrivate: privateFields(),
      newerVersion: null,
    };
  }
  const reset: string[] = [];
  const madePrivate: string[] = [];
  const version = raw.version;
  const newerVersion =
    typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION
      ? version
      : null;
  let source: Record<string, unknown> = raw;
  if (newerVersion === null) {
    try {
      source = migrateSettings(raw);
    } catch {
      reset.push('version'); // not a version: read the fields as they are
    }
  }
  const settings: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const section of SECTIONS) {
    const value = source[section];
    // A section that is there but is not an object is damaged as a whole.
    const damagedSection = value !== undefined && !isRecord(value);
    if (damagedSection) reset.push(section);
    const given = isRecord(value) ? value : {};
    const out: Record<string, unknown> = {};
    for (const field of Object.keys(defaultSettings[section])) {
      const path = `${section}.${field}`;
      const candidate = given[field];
      if (candidate === undefined && !damagedSection) {
        // Not in the file (an older build did not have it): the default, nothing was lost.
        out[field] = structuredClone(fieldDefault(section, field));
        continue;
      }
      const kept = candidate === undefined ? undefined : keepValid(section, field, candidate);
      if (kept) {
        out[field] = kept.value;
        reset.push(...kept.dropped.map((i) => `${path}[${i}]`));
        continue;
      }
      out[field] = fallbackFor(section, field);
      if (!damagedSection) reset.push(path);
      if (!sameJson(out[field], fieldDefault(section, field))) madePrivate.push(path);
    }
    settings[section] = out;
  }
  return { settings: SettingsSchema.parse(settings), reset, madePrivate, newerVersion };
}

/** `candidate` if it is valid for the field; for a list, its valid items (and which were not). */
function keepValid(
  section: Section,
  field: string,
  candidate: unknown,
): { value: unknown; dropped: number[] } | undefined {
  const schema = fieldSchema(section, field);
  if (schema.safeParse(candidate).success) return { value: candidate, dropped: [] };
  if (!(schema instanceof z.ZodArray) || !Array.isArray(candidate)) return undefined;
  const dropped: number[] = [];
  const items = candidate.filter((item, i) => {
    const ok = (schema.element as z.ZodType).safeParse(item).success;
    if (!ok) dropped.push(i);
    return ok;
  });
  return schema.safeParse(items).success ? { value: items, dropped } : undefined;
}

function fieldSchema(section: Section, field: string): z.ZodType {
  let schema: z.ZodType = SettingsSchema.shape[section];
  // A section added later is `.default(...)` so that older files parse: read its inner object.
  if (schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  return (schema as z.ZodObject).shape[field] as z.ZodType;
}

function fieldDefault(section: Section, field: string): unknown {
  return (defaultSettings[section] as Record<string, unknown>)[field];
}

function fallbackFor(section: Section, field: string): unknown {
  const preferred = PRIVATE_VALUES[section] as Record<string, unknown> | undefined;
  return structuredClone(
    preferred && Object.hasOwn(preferred, field) ? preferred[field] : fieldDefault(section, field),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
