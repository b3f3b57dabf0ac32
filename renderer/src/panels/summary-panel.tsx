/** The live gist as the conversation goes, and the handoff summary to copy into the ticket. */
import { useState } from 'react';
import type { Summary } from '../../../shared/schemas/assist';
import { EmptyState } from '../components/empty-state';
import { useInloop } from '../state/use-inloop';
import { copyText } from './assist-shortcuts';
import { PanelFrame } from './panel-frame';

export function SummaryPanel() {
  const gist = useInloop((s) => s.assist?.suggestions?.summary.gist ?? '');
  const handoff = useInloop((s) => s.assist?.handoff ?? null);
  const handoffText = useInloop((s) => s.handoffText);
  const live = useInloop((s) => (s.assist?.conversation?.turns.length ?? 0) > 0);
  const requestHandoff = useInloop((s) => s.requestHandoff);
  const [copied, setCopied] = useState(false);
  return (
    <PanelFrame id="summary">
      {gist ? (
        <p className="summary-gist" aria-label="Live gist">
          {gist}
        </p>
      ) : (
        <EmptyState title="The handoff summary writes itself">
          The issue, what was tried and what is left, kept up to date as you talk. Copy it into the
          ticket when you wrap up.
        </EmptyState>
      )}
      {handoff ? <HandoffView summary={handoff} /> : null}
      {live ? (
        <div className="summary-actions">
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => void requestHandoff()}
          >
            {handoff ? 'Refresh handoff summary' : 'Write handoff summary'}
          </button>
          {handoffText ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => void copyText(handoffText).then(setCopied)}
            >
              {copied ? 'Copied' : 'Copy as text'}
            </button>
          ) : null}
        </div>
      ) : null}
    </PanelFrame>
  );
}

function HandoffView({ summary }: { summary: Summary }) {
  const rows: [string, string | undefined][] = [
    ['Customer', summary.customer ?? undefined],
    ['Intent', summary.intent ?? undefined],
    ['Issue', summary.issue?.join(' ')],
    ['Details', summary.entities?.map((e) => `${e.kind} ${e.value}`).join(', ')],
    ['Actions taken', summary.actionsTaken?.join('; ')],
    ['Articles used', summary.articlesUsed?.join(', ')],
    ['Replies used', summary.repliesUsed?.join(', ')],
    ['Resolution', summary.resolution],
    ['Sentiment', summary.sentimentTrend],
    ['Escalation', summary.escalationReasons?.join('; ')],
    ['Follow-ups', summary.followUps?.join('; ')],
  ];
  return (
    <section className="handoff" aria-label="Handoff summary">
      <h3 className="handoff__title">Handoff summary</h3>
      <dl className="handoff__rows">
        {rows
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([label, value]) => (
            <div key={label} className="handoff__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
