/** The readable form of `inloop assist` (without --json). */
import type { Suggestions } from '../../../../shared/schemas/assist';

export function formatAssist(result: { id: string | number | null } & Suggestions): string {
  const lines: string[] = [];
  const intent = result.intent;
  lines.push(
    `Intent:     ${intent ? `${intent.id} (${Math.round(intent.confidence * 100)}%)` : 'none'}`,
  );
  lines.push(`Sentiment:  ${result.sentiment.score.toFixed(2)}, ${result.sentiment.trend}`);
  if (result.escalation.length > 0) {
    lines.push('Escalation:');
    for (const flag of result.escalation)
      lines.push(`  ! ${flag.reason} [${flag.severity}, turn ${flag.turn + 1}]`);
  }
  if (result.articles.length > 0) {
    lines.push('Articles:');
    for (const hit of result.articles)
      lines.push(`  ${hit.score.toFixed(2)}  ${hit.title} (${hit.packId}/${hit.articleId})`);
  }
  if (result.replies.length > 0) {
    lines.push('Replies:');
    for (const reply of result.replies) {
      const missing = reply.missing?.length ? `  [missing: ${reply.missing.join(', ')}]` : '';
      lines.push(`  - (${reply.source}) ${reply.text}${missing}`);
    }
  }
  if (result.nextActions.length > 0) {
    lines.push('Next actions:');
    for (const step of result.nextActions) lines.push(`  [${step.done ? 'x' : ' '}] ${step.text}`);
  }
  lines.push(`Gist:       ${result.summary.gist || '(nothing yet)'}`);
  lines.push(`(${result.ms} ms)`);
  return `${lines.join('\n')}\n`;
}
