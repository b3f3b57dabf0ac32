/**
 * `inloop doctor` and the diagnostics screen: checks this machine (Node, Electron, the data
 * and models folders, the models and the retrieval mode they give, the OS keychain, the
 * Chromium for tests) and says what to fix. Facts come from machine-facts.ts, verdicts from
 * the pure checks.
 */
import type { DoctorReport } from '../../../shared/schemas/diagnostics';
import type { PolicyReport } from '../../../shared/schemas/policy';
import { policyCheck } from '../policy/policy-check';
import type { SecretStore, SecretStoreAvailability } from '../secrets/secret-store';
import {
  chromiumCheck,
  dataDirCheck,
  electronCheck,
  keychainCheck,
  nodeCheck,
} from './doctor-checks';
import { scanModels } from '../models/scan-models';
import { findElectron, isExecutable, probeDataDir } from './machine-facts';
import { modelsChecks } from './model-checks';
import { retrievalModeCheck } from './retrieval-check';
import { resolveEmbeddingModel } from '../embeddings/embedding-model';

export interface DoctorContext {
  dataDir: string;
  modelsDir: string;
  secretStore: SecretStore;
  /** The running Electron's version, when the host is Electron. */
  electronVersion?: string;
  /** Default: this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** The managed policy in force now, for the policy line (absent: no line). */
  policy?: () => PolicyReport;
}

/** Where the end-to-end tests look for Chromium unless INLOOP_CHROMIUM says otherwise. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Runs every check (the probes in parallel) and returns them in a fixed order. */
export async function runDoctor(ctx: DoctorContext): Promise<DoctorReport> {
  const env = ctx.env ?? process.env;
  const chromium = env.INLOOP_CHROMIUM?.trim() || DEFAULT_CHROMIUM;
  const [installed, dataDir, models, keychain, chromiumRuns, embedding] = await Promise.all([
    ctx.electronVersion ? Promise.resolve(null) : findElectron(env),
    probeDataDir(ctx.dataDir),
    scanModels(ctx.modelsDir),
    keychainAvailability(ctx.secretStore),
    isExecutable(chromium),
    resolveEmbeddingModel(ctx.modelsDir, env),
  ]);
  return {
    checks: [
      nodeCheck(process.versions.node),
      electronCheck({ running: ctx.electronVersion, installed }),
      dataDirCheck(dataDir),
      ...modelsChecks(models, env),
      retrievalModeCheck(embedding),
      keychainCheck(ctx.secretStore.backend, keychain, process.platform),
      chromiumCheck({
        path: chromium,
        executable: chromiumRuns,
        fromEnv: Boolean(env.INLOOP_CHROMIUM?.trim()),
      }),
      ...(ctx.policy ? [policyCheck(ctx.policy())] : []),
    ],
  };
}

async function keychainAvailability(store: SecretStore): Promise<SecretStoreAvailability> {
  try {
    if (store.availability) return await store.availability();
    return (await store.available())
      ? { available: true }
      : { available: false, reason: 'the store gave no reason' };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
