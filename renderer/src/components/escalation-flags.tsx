/** Escalation flags: why the case may need someone else, how serious, and the turn behind it. */
import type { EscalationFlag } from '../../../shared/schemas/assist';
import { Icon } from './icon';

export function EscalationFlags({ flags }: { flags: readonly EscalationFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="escalation-flags" aria-label="Escalation flags">
      {flags.map((flag) => (
        <li
          key={`${flag.ruleId ?? flag.reason}-${flag.turn}`}
          className={`escalation-flag escalation-flag--${flag.severity}`}
        >
          <Icon name="flag" size={14} />
          <span className="escalation-flag__reason">{flag.reason}</span>
          <a className="escalation-flag__turn" href={`#turn-${flag.turn}`}>
            turn {flag.turn + 1}
          </a>
          <span className="visually-hidden">severity {flag.severity}</span>
        </li>
      ))}
    </ul>
  );
}
