/**
 * The doctor's decisions about models: which embedding and speech models this machine
 * wants (the defaults, or INLOOP_EMBED_MODEL / INLOOP_ASR_MODEL, where `none` turns the
 * model off) and whether the models folder holds them. Pure; the folder scan is elsewhere.
 */
import type { DoctorCheck } from '../../../shared/schemas/diagnostics';

import type { ModelsScan } from '../models/scan-models';
import { modelRoles, wantedModel, type ModelRole } from '../models/wanted-model';

export function modelsDirCheck(scan: ModelsScan): DoctorCheck {
  const base = { id: 'models-dir', label: 'Models folder' };
  if (!scan.exists) {
    return {
      ...base,
      verdict: 'warn',
      detail: `${scan.dir} does not exist`,
      fix: 'create it and add models with `inloop models import <dir>`, or set INLOOP_MODELS_DIR',
    };
  }
  const held = scan.models.length > 0 ? scan.models.join(', ') : 'no models yet';
  return { ...base, verdict: 'ok', detail: `${scan.dir}: ${held}` };
}

export function modelCheck(role: ModelRole, scan: ModelsScan, env: NodeJS.ProcessEnv): DoctorCheck {
  const base = { id: `${role}-model`, label: modelRoles[role].label };
  const wanted = wantedModel(role, env);
  if (wanted.kind === 'none') {
    const mode =
      role === 'embedding'
        ? 'lexical mode: keyword search only, no embeddings'
        : 'speech recognition off: no transcripts from audio';
    return { ...base, verdict: 'ok', detail: `${wanted.envVar}=none (${mode})` };
  }
  const source = wanted.fromEnv ? ` (from ${wanted.envVar})` : '';
  if (scan.exists && scan.models.includes(wanted.id)) {
    return { ...base, verdict: 'ok', detail: `${wanted.id}${source} present` };
  }
  const off = role === 'embedding' ? 'for lexical mode' : 'to run without speech recognition';
  return {
    ...base,
    verdict: 'warn',
    detail: `${wanted.id}${source} not found in ${scan.dir}`,
    fix:
      `run \`inloop models fetch ${wanted.id}\` (online), or \`inloop models import <dir>\` with a ` +
      `copy of it; or set INLOOP_MODELS_DIR to a folder that holds ${wanted.id}; or set ` +
      `${wanted.envVar}=none ${off}`,
  };
}

/** The models folder, then the embedding and the speech model. */
export function modelsChecks(scan: ModelsScan, env: NodeJS.ProcessEnv): DoctorCheck[] {
  return [
    modelsDirCheck(scan),
    modelCheck('embedding', scan, env),
    modelCheck('speech', scan, env),
  ];
}
