import type { DoctorReport } from '../../../../shared/schemas/diagnostics';
import { runDoctor } from '../doctor';
import { createKeytarSecretStore } from '../../secrets/keytar-secret-store';
import { dataDirFor, dataDirOption, modelsDirFor } from '../../core/cli/cli-context';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../../core/cli/command';
import { readCliPolicy } from '../../policy/cli/cli-policy';

const marks = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/** The doctor report as an aligned, human-readable table with the fix under each problem. */
export function formatDoctorReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((c) => c.label.length));
  const lines = report.checks.flatMap((check) => {
    const row = `${marks[check.verdict]}  ${check.label.padEnd(width)}  ${check.detail}`;
    return check.fix && check.verdict !== 'ok'
      ? [row, `${' '.repeat(width + 8)}fix: ${check.fix}`]
      : [row];
  });
  return `${lines.join('\n')}\n`;
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check this machine: Node, Electron, data and models folders, keychain, Chromium',
  usage: 'doctor [--json] [--data-dir D]',
  options: {
    json: { type: 'boolean', description: 'Print the report as JSON' },
    'data-dir': dataDirOption,
  },
  async run(args, io) {
    const policy = await readCliPolicy(io);
    const report = await runDoctor({
      dataDir: dataDirFor(args, io),
      modelsDir: modelsDirFor(io),
      secretStore: createKeytarSecretStore(),
      env: io.env,
      policy: () => policy,
    });
    io.stdout(
      args.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report),
    );
    return report.checks.some((c) => c.verdict === 'fail') ? EXIT_FAILURE : EXIT_OK;
  },
};
