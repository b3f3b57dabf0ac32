/** The doctor's policy line: what is managed here, where it was read, and what was ignored. */
import type { DoctorCheck } from '../../../shared/schemas/diagnostics';
import type { PolicyReport } from '../../../shared/schemas/policy';

export function policyCheck(report: PolicyReport): DoctorCheck {
  const base = { id: 'policy', label: 'Managed policy' };
  const where = report.sources.join(', ') || 'no policy source on this platform';
  const enforced = report.entries.filter((e) => e.level === 'enforced').length;
  const defaults = report.entries.length - enforced;
  const summary =
    report.entries.length === 0
      ? `none set (read ${where})`
      : `${enforced} enforced, ${defaults} default from ${[...new Set(report.entries.map((e) => e.source))].join(', ')}`;
  if (report.problems.length === 0) return { ...base, verdict: 'ok', detail: summary };
  const first = report.problems[0]!;
  return {
    ...base,
    verdict: 'warn',
    detail: `${summary}; ${report.problems.length} ignored: ${first.source}: ${first.message}${report.problems.length > 1 ? ' …' : ''}`,
    fix: 'run `inloop policy show` for every problem, then correct the policy where it is set',
  };
}
