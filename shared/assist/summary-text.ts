/**
 * The handoff summary as a plain-text helpdesk note an agent pastes without editing: Issue,
 * Tried, Outcome, Next step, then the customer, the intent and the key details, one labelled
 * line each, empty fields left out, a few lines in all.
 */
import type { Summary } from '../schemas/assist';
import { outcomeText } from './handoff-fields';

function line(label: string, value: string | null | undefined): string[] {
  return value ? [`${label}: ${value}`] : [];
}

/** `summary` as a copyable plain-text note (lines joined with "\n"). */
export function summaryAsText(summary: Summary): string {
  const tried = summary.tried ?? summary.actionsTaken ?? [];
  return [
    ...line('Issue', summary.issueStatement ?? summary.issue?.[0]),
    ...line('Tried', tried.length > 0 ? tried.join('; ') : 'Nothing yet.'),
    ...line(
      'Outcome',
      summary.outcome ?? (summary.resolution ? outcomeText(summary.resolution) : null),
    ),
    ...line('Next step', summary.nextStep),
    ...line('Customer', summary.customer),
    ...line('Intent', summary.intent),
    ...(summary.details ?? []).map((d) => `${d.label}: ${d.value}`),
    ...line('Escalation', summary.escalationReasons?.join('; ')),
  ].join('\n');
}
