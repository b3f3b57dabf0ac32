/**
 * The handoff summary as a plain-text helpdesk note: one labelled line per field, lists as
 * "- " items, empty fields left out, so it pastes cleanly into any ticket's internal note.
 */
import type { Entity, Summary } from '../schemas/assist';
import type { Resolution } from './summary-closing';
import { assertNever } from '../result';

const KIND_LABEL: Readonly<Record<Entity['kind'], string>> = {
  name: 'name',
  order: 'order',
  account: 'account',
  email: 'email',
  phone: 'phone',
  date: 'date',
  amount: 'amount',
  other: 'other',
};

/** The words a note uses for a resolution status. */
export function resolutionLabel(resolution: Resolution): string {
  switch (resolution) {
    case 'resolved':
      return 'resolved';
    case 'unresolved':
      return 'not resolved';
    case 'escalated':
      return 'escalated';
    case 'unknown':
      return 'unclear from the conversation';
    default:
      return assertNever(resolution);
  }
}

function list(label: string, items: readonly string[] | undefined): string[] {
  if (!items || items.length === 0) return [];
  return [`${label}:`, ...items.map((item) => `- ${item}`)];
}

function line(label: string, value: string | null | undefined): string[] {
  return value ? [`${label}: ${value}`] : [];
}

/** `summary` as a copyable plain-text note (lines joined with "\n"). */
export function summaryAsText(summary: Summary): string {
  const details = (summary.entities ?? []).map((e) => `${KIND_LABEL[e.kind]} ${e.value}`);
  return [
    ...line('Customer', summary.customer),
    ...line('Intent', summary.intent),
    ...line('Summary', summary.gist),
    ...list(
      "Issue (customer's words)",
      summary.issue?.map((s) => `"${s}"`),
    ),
    ...line('Details', details.length > 0 ? details.join('; ') : null),
    ...list('Actions taken', summary.actionsTaken),
    ...line('Articles used', summary.articlesUsed?.join('; ')),
    ...line('Replies used', summary.repliesUsed?.join('; ')),
    ...line('Resolution', summary.resolution ? resolutionLabel(summary.resolution) : null),
    ...line('Sentiment', summary.sentimentTrend),
    ...list('Escalation', summary.escalationReasons),
    ...list('Follow-ups', summary.followUps),
  ].join('\n');
}
