/**
 * Escalation flags: why the case may need someone else, how serious (in words, not only
 * colour), the turn behind it (the link moves the focus to that turn) and "not an escalation
 * here" to dismiss it for this conversation.
 */
import type { EscalationFlag } from '../../../shared/schemas/assist';
import { Icon } from './icon';

const severityWords: Record<EscalationFlag['severity'], string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export interface EscalationFlagsProps {
  flags: readonly EscalationFlag[];
  onDismiss(flag: EscalationFlag): void;
}

/** Move the focus to the turn `index` of the transcript and bring it into view. */
export function focusTurn(index: number): void {
  const turn = document.getElementById(`turn-${index}`);
  if (!turn) return;
  turn.focus({ preventScroll: true });
  turn.scrollIntoView({ block: 'nearest' });
}

export function EscalationFlags({ flags, onDismiss }: EscalationFlagsProps) {
  if (flags.length === 0) return null;
  return (
    <ul className="escalation-flags" aria-label="Escalation flags">
      {flags.map((flag) => (
        <li
          key={`${flag.ruleId ?? flag.reason}-${flag.turn}`}
          className={`escalation-flag escalation-flag--${flag.severity}`}
        >
          <span className="escalation-flag__severity">
            <Icon name="flag" size={14} />
            {severityWords[flag.severity]}
          </span>
          <span className="escalation-flag__reason">{flag.reason}</span>
          <a
            className="escalation-flag__turn"
            href={`#turn-${flag.turn}`}
            onClick={(event) => {
              event.preventDefault();
              focusTurn(flag.turn);
            }}
          >
            turn {flag.turn + 1}
          </a>
          {flag.ruleId ? (
            <button
              type="button"
              className="escalation-flag__dismiss"
              aria-label={`Not an escalation here: ${flag.reason}`}
              title="Not an escalation here"
              onClick={() => onDismiss(flag)}
            >
              <Icon name="close" size={12} />
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
