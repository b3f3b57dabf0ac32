/**
 * The Team view: the team report for a folder of bundles the lead picks (a folder on the machine
 * that runs Inloop; `inloop learn export` writes the bundles). The same numbers and charts as
 * `inloop report --from <dir>`.
 */
import { useState } from 'react';
import { teamCharts } from '../../../../shared/learning/chart-model';
import type { TeamReport } from '../../../../shared/schemas/learning';
import { Sheet } from '../../components/sheet';
import { useInloop } from '../../state/use-inloop';
import { TeamChartFigure } from './team-charts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);

/** The report's headline numbers, as read aloud. */
export function teamHeadline(report: TeamReport): string {
  const period = report.period.from ? `, ${report.period.from} to ${report.period.to}` : '';
  return `${report.bundles} bundles from ${report.devices} agents, ${report.conversations} conversations${period}.`;
}

function Report({ report }: { report: TeamReport }) {
  return (
    <div className="team-report">
      <p className="team-report__headline">{teamHeadline(report)}</p>
      <dl className="team-report__kpis">
        <div>
          <dt>Reply acceptance</dt>
          <dd>{pct(report.acceptance.overall)}</dd>
        </div>
        <div>
          <dt>Escalated</dt>
          <dd>{pct(report.escalation.rate)}</dd>
        </div>
        <div>
          <dt>Knowledge gaps</dt>
          <dd>{report.gaps.length}</dd>
        </div>
      </dl>
      {teamCharts(report).map((chart) => (
        <TeamChartFigure key={chart.id} chart={chart} />
      ))}
      {report.gaps.length > 0 ? (
        <section aria-labelledby="team-gaps">
          <h3 id="team-gaps" className="team-report__heading">
            Questions no article answered
          </h3>
          <ul className="team-report__list">
            {report.gaps.map((g) => (
              <li key={g.terms.join(' ')}>
                {g.terms.join(', ')} ({g.conversations} conversations)
                {g.examples[0] ? `: "${g.examples[0]}"` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.flags.length > 0 ? (
        <section aria-labelledby="team-flags">
          <h3 id="team-flags" className="team-report__heading">
            Rules agents dismiss
          </h3>
          <ul className="team-report__list">
            {report.flags.map((f) => (
              <li key={f.ruleId}>
                {f.ruleId}: dismissed in {f.dismissed} of {f.shown} conversations
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.skipped.map((s) => (
        <p key={s.file} className="team-report__skipped">
          Skipped {s.file}: {s.problem}
        </p>
      ))}
    </div>
  );
}

export function TeamView() {
  const open = useInloop((s) => s.teamOpen);
  const close = useInloop((s) => s.closeTeam);
  const view = useInloop((s) => s.teamReport);
  const load = useInloop((s) => s.loadTeamReport);
  const [dir, setDir] = useState(view.state === 'idle' ? '' : view.dir);
  if (!open) return null;
  return (
    <Sheet
      title="Team report"
      subtitle="What the team's devices learned, from their bundles."
      onClose={close}
    >
      <form
        className="team-folder"
        onSubmit={(event) => {
          event.preventDefault();
          if (dir.trim() !== '') void load(dir.trim());
        }}
      >
        <label className="field-row__label" htmlFor="team-folder">
          Folder of bundles
        </label>
        <div className="team-folder__row">
          <input
            id="team-folder"
            className="text-input team-folder__input"
            value={dir}
            placeholder="/shared/inloop/bundles"
            spellCheck={false}
            aria-describedby="team-folder-help"
            onChange={(event) => setDir(event.target.value)}
          />
          <button
            type="submit"
            className="button button--small"
            disabled={view.state === 'loading'}
          >
            Show
          </button>
        </div>
        <p id="team-folder-help" className="field-row__description">
          A folder on this computer holding the .jsonl bundles agents exported (inloop learn
          export).
        </p>
      </form>
      <div role="status" aria-live="polite">
        {view.state === 'loading' ? <p className="team-report__note">Reading {view.dir}…</p> : null}
        {view.state === 'failed' ? <p className="team-report__error">{view.message}</p> : null}
      </div>
      {view.state === 'done' ? <Report report={view.report} /> : null}
    </Sheet>
  );
}
