/**
 * What the customer wants, by the pack's label: the engine's intent, the one the agent picked,
 * or, when the engine is unsure, up to three candidates to pick in one key (1, 2, 3; 0 for
 * none of these). The candidates are one Tab stop (arrow keys move between them).
 */
import type { DetectedIntent, IntentCandidate } from '../../../shared/schemas/assist';
import { useRovingList } from '../keyboard/use-roving-list';

export interface IntentBarProps {
  intent: DetectedIntent | null;
  candidates: readonly IntentCandidate[];
  /** False before the first customer turn: nothing to say yet. */
  assessed: boolean;
  onPick(intentId: string | null): void;
}

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

export function IntentBar({ intent, candidates, assessed, onPick }: IntentBarProps) {
  if (intent) {
    const picked = intent.by === 'agent';
    return (
      <p
        className="intent-chip"
        title={`${intent.description ?? intent.label}${picked ? '' : ` (${percent(intent.confidence)} sure)`}`}
      >
        <span className="intent-chip__what">Intent:</span>{' '}
        <strong className="intent-chip__label">{intent.label}</strong>
        {picked ? <span className="intent-chip__by"> · you picked it</span> : null}
      </p>
    );
  }
  if (candidates.length > 0) return <IntentCandidates candidates={candidates} onPick={onPick} />;
  return assessed ? <p className="intent-chip intent-chip--none">No clear intent yet</p> : null;
}

function IntentCandidates({
  candidates,
  onPick,
}: {
  candidates: readonly IntentCandidate[];
  onPick(intentId: string | null): void;
}) {
  const { listProps, current, setActive } = useRovingList<HTMLDivElement>(candidates.length + 1);
  const choices = [
    ...candidates.map((c, i) => ({
      key: String(i + 1),
      id: c.id as string | null,
      label: c.label,
      c,
    })),
    { key: '0', id: null, label: 'None of these', c: null },
  ];
  return (
    <div
      className="intent-candidates"
      role="group"
      aria-labelledby="intent-candidates-title"
      {...listProps}
    >
      <span className="intent-candidates__title" id="intent-candidates-title">
        Which does the customer want?
      </span>
      {choices.map((choice, index) => (
        <button
          key={choice.key}
          type="button"
          className={`intent-candidate${choice.id === null ? ' intent-candidate--none' : ''}`}
          data-roving-item=""
          tabIndex={index === current ? 0 : -1}
          aria-keyshortcuts={choice.key}
          title={choice.c ? `${percent(choice.c.confidence)} likely` : 'None of these fits'}
          onFocus={() => setActive(index)}
          onClick={() => onPick(choice.id)}
        >
          <kbd className="kbd" aria-hidden="true">
            {choice.key}
          </kbd>
          {choice.label}
        </button>
      ))}
    </div>
  );
}
