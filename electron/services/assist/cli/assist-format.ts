/** The readable form of `inloop assist` (without --json). */
import type { Suggestions } from '../../../../shared/schemas/assist';

export function formatAssist(result: { id: string | number | null } & Suggestions): string {
  const lines: string[] = [];
  const intent = result.intent;
  const percent = (p: number) => `${Math.round(p * 100)}%`;
  lines.push(
    `Intent:     ${intent ? `${intent.label} · ${intent.id} (${percent(intent.confidence)})` : 'none'}`,
  );
  if (result.candidates.length > 0) {
    const offered = result.candidates.map((c) => `${c.label} · ${c.id} (${percent(c.confidence)})`);
    lines.push(`Candidates: ${offered.join('; ')}`);
  }
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
      const withheld = reply.withheld ? `  [withheld: ${reply.withheld}]` : '';
      lines.push(`  - (${reply.source}) ${reply.text}${missing}${withheld}`);
    }
  }
  if (result.nextActions.length > 0) {
    lines.push('Next actions:');
    // [x] done, [?] suggested (the agent confirms), [ ] open.
    for (const step of result.nextActions)
      lines.push(`  [${step.done ? 'x' : step.suggested ? '?' : ' '}] ${step.text}`);
  }
  lines.push(`Gist:       ${result.summary.gist || '(nothing yet)'}`);
  lines.push(`(${result.ms} ms)`);
  return `${lines.join('\n')}\n`;
}
