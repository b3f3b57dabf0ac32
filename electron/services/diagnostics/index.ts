/**
 * The diagnostics capability: `inloop doctor` and the `diagnostics:doctor` channel, which say
 * what this machine has (retrieval mode, models, keychain, data folder, Electron) and the fix.
 */
import type { DoctorReport } from '../../../shared/schemas/diagnostics';
import type { Capability } from '../core/capability';
import { runDoctor, type DoctorContext } from './doctor';

export interface Diagnostics {
  /** Runs every check now. */
  doctor(): Promise<DoctorReport>;
}

export function createDiagnostics(context: DoctorContext): Capability<Diagnostics, 'diagnostics'> {
  const service: Diagnostics = { doctor: () => runDoctor(context) };
  return {
    service,
    handlers: { 'diagnostics:doctor': () => service.doctor() },
    close: async () => {},
  };
}
