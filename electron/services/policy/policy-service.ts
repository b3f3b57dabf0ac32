/**
 * The policy in force: reads every source, resolves them (resolve-policy.ts) and tells its
 * listeners when the result changes while the app runs. Starting waits for each source's
 * first reading, so the services created after it see the policy from their first moment.
 */
import type { PolicyReport } from '../../../shared/schemas/policy';
import { emptyPolicyReport } from '../../../shared/schemas/policy';
import type { Logger } from '../core/log';
import type { PolicySource, PolicyReading } from './policy-source';
import type { PolicyRefinement } from './policy-values';
import { emptyPolicyMemory, resolvePolicy, type PolicyMemory } from './resolve-policy';

export interface PolicyService {
  /** The effective policy now. */
  report(): PolicyReport;
  /** Called after each change of the effective policy; returns the unsubscribe. */
  onChange(listener: (report: PolicyReport) => void): () => void;
}

export interface PolicyServiceOptions {
  sources: readonly PolicySource[];
  refine?: PolicyRefinement;
  logger?: Logger;
}

export interface RunningPolicy {
  readonly service: PolicyService;
  close(): void;
}

/** Starts every source and resolves once each gave its first reading. */
export async function startPolicyService(options: PolicyServiceOptions): Promise<RunningPolicy> {
  const { sources, refine, logger } = options;
  const latest = new Map<string, PolicyReading>();
  const listeners = new Set<(report: PolicyReport) => void>();
  let memory: PolicyMemory = emptyPolicyMemory;
  let current: PolicyReport = { ...emptyPolicyReport, sources: sources.map((s) => s.label) };
  let started = false;

  const recompute = () => {
    const readings = sources.flatMap((s) => latest.get(s.label) ?? []);
    const resolved = resolvePolicy(readings, memory, refine);
    memory = resolved.memory;
    const next = { ...resolved.report, sources: sources.map((s) => s.label) };
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    const known = new Set(current.problems.map((p) => p.message));
    for (const problem of next.problems) {
      if (!known.has(problem.message)) logger?.warn(`policy ${problem.source}: ${problem.message}`);
    }
    current = next;
    if (started) for (const listener of listeners) listener(current);
  };

  await Promise.all(
    sources.map((source) =>
      source.start((reading) => {
        latest.set(source.label, reading);
        if (started) recompute();
      }),
    ),
  );
  recompute();
  started = true;
  return {
    service: {
      report: () => current,
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    close() {
      for (const source of sources) source.close();
      listeners.clear();
    },
  };
}

/** Reads the sources once and stops (the CLI, the doctor). */
export async function readPolicyOnce(options: PolicyServiceOptions): Promise<PolicyReport> {
  const running = await startPolicyService(options);
  running.close();
  return running.service.report();
}
