/**
 * The diagnostics capability: `inloop doctor` and the `diagnostics:doctor` channel, which say
 * what this machine has (retrieval mode, models, keychain, data folder, Electron) and the fix;
 * and, when the host turns it on (`inloop serve --diagnostics`), `diagnostics:process-sample`: samples
 * of the process's memory, handles, listeners and event-loop delay (process-stats.ts).
 */
import type { DoctorReport, ProcessSample } from '../../../shared/schemas/diagnostics';
import { AppError } from '../../../shared/result';
import type { Capability } from '../core/capability';
import { runDoctor, type DoctorContext } from './doctor';
import { ProcessStats } from './process-stats';

export interface Diagnostics {
  /** Runs every check now. */
  doctor(): Promise<DoctorReport>;
  /** The process sampler, when process diagnostics are on (null otherwise). */
  readonly processStats: ProcessStats | null;
}

export interface DiagnosticsDeps extends DoctorContext {
  /** Sample the process on `diagnostics:process-sample` (off unless a host asks for it). */
  readonly processDiagnostics?: boolean;
}

export function createDiagnostics(deps: DiagnosticsDeps): Capability<Diagnostics, 'diagnostics'> {
  const processStats = deps.processDiagnostics ? new ProcessStats() : null;
  const service: Diagnostics = { doctor: () => runDoctor(deps), processStats };
  return {
    service,
    handlers: {
      'diagnostics:doctor': () => service.doctor(),
      'diagnostics:process-sample': (): ProcessSample => {
        if (!processStats) {
          throw new AppError(
            'unavailable',
            'Process diagnostics are off; start the host with them on: `inloop serve --diagnostics`.',
          );
        }
        return processStats.sample();
      },
    },
    close: async () => processStats?.close(),
  };
}
