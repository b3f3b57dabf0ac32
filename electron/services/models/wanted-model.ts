/**
 * Which embedding and speech models this machine wants: the defaults, or INLOOP_EMBED_MODEL /
 * INLOOP_ASR_MODEL, where `none` turns the model off. Pure.
 */
/** Defaults, as listed in models/manifest.json. */
export const DEFAULT_EMBED_MODEL = 'Xenova/all-MiniLM-L6-v2';
export const DEFAULT_ASR_MODEL = 'Xenova/whisper-tiny.en';

export type ModelRole = 'embedding' | 'speech';

export type WantedModel =
  | { kind: 'model'; id: string; envVar: string; fromEnv: boolean }
  | { kind: 'none'; envVar: string };

export const modelRoles = {
  embedding: {
    envVar: 'INLOOP_EMBED_MODEL',
    fallback: DEFAULT_EMBED_MODEL,
    label: 'Embedding model',
  },
  speech: { envVar: 'INLOOP_ASR_MODEL', fallback: DEFAULT_ASR_MODEL, label: 'Speech model' },
} as const;

/** The model a role uses under `env`; an empty variable means the default. */
export function wantedModel(role: ModelRole, env: NodeJS.ProcessEnv): WantedModel {
  const { envVar, fallback } = modelRoles[role];
  const value = env[envVar]?.trim();
  if (!value) return { kind: 'model', id: fallback, envVar, fromEnv: false };
  if (value.toLowerCase() === 'none') return { kind: 'none', envVar };
  return { kind: 'model', id: value, envVar, fromEnv: true };
}
