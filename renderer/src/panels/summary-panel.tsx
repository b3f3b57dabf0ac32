/**
 * The live gist as the conversation goes, and the handoff summary for the ticket: Issue, Tried,
 * Outcome, Next step and the key details, with one Copy (which writes it fresh first).
 */
import { useState } from 'react';
import type { Summary } from '../../../shared/schemas/assist';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icon';
import { useInloop, useInloopStore } from '../state/use-inloop';
import { copyText } from './assist-shortcuts';
import { PanelFrame } from './panel-frame';

export function SummaryPanel() {
  const store = useInloopStore();
  const gist = useInloop((s) => s.assist?.suggestions?.summary.gist ?? '');
  const handoff = useInloop((s) => s.assist?.handoff ?? null);
  const live = useInloop((s) => (s.assist?.conversation?.turns.length ?? 0) > 0);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    setCopied(false);
    await store.getState().requestHandoff();
    const text = store.getState().handoffText;
    if (text) setCopied(await copyText(text));
  };
  return (
    <PanelFrame id="summary">
      {gist ? (
        <p className="summary-gist" aria-label="Live gist">
          {gist}
        </p>
      ) : (
        <EmptyState title="The handoff summary writes itself">
          The issue, what was tried, the outcome and the next step, kept up to date as you talk.
          Copy it into the ticket when you wrap up.
        </EmptyState>
      )}
      {handoff ? <HandoffView summary={handoff} /> : null}
      {live ? (
        <div className="summary-actions">
          <button type="button" className="button button--small" onClick={() => void copy()}>
            <Icon name={copied ? 'check' : 'copy'} size={14} />
            {copied ? 'Copied' : 'Copy handoff summary'}
          </button>
        </div>
      ) : null}
    </PanelFrame>
  );
}

/** The handoff's rows: who, then Issue / Tried / Outcome / Next step and the details. */
export function handoffRows(summary: Summary): [string, string][] {
  const rows: [string, string | undefined][] =
    summary.issueStatement !== undefined
      ? [
          ['Customer', summary.customer ?? undefined],
          ['Issue', summary.issueStatement],
          ['Tried', summary.tried?.join('; ')],
          ['Outcome', summary.outcome],
          ['Next step', summary.nextStep],
          ...(summary.details ?? []).map(({ label, value }): [string, string | undefined] => [
            label,
            value,
          ]),
        ]
      : [
          ['Customer', summary.customer ?? undefined],
          ['Intent', summary.intent ?? undefined],
          ['Issue', summary.issue?.join(' ')],
          ['Details', summary.entities?.map((e) => `${e.kind} ${e.value}`).join(', ')],
          ['Tried', summary.actionsTaken?.join('; ')],
          ['Outcome', summary.resolution],
          ['Next step', summary.followUps?.join('; ')],
        ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}

function HandoffView({ summary }: { summary: Summary }) {
  return (
    <section className="handoff" aria-labelledby="handoff-title">
      <h3 className="handoff__title" id="handoff-title">
        Handoff summary
      </h3>
      <dl className="handoff__rows">
        {handoffRows(summary).map(([label, value], index) => (
          <div key={`${label}-${index}`} className="handoff__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
