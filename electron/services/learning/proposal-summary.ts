/** The proposal as the team lead reads it first: PROPOSAL.md beside the diff. */
import type { Proposal } from '../../../shared/learning/proposal';
import type { FileChange } from './proposal-files';

const quote = (text: string) => `"${text.replace(/\s+/g, ' ')}"`;

/** PROPOSAL.md: what changes, how many agents agree, and what is listed for review only. */
export function proposalMarkdown(proposal: Proposal, changes: readonly FileChange[]): string {
  const { pack } = proposal;
  const out = [
    `# Proposal: ${pack.id} ${pack.from} → ${pack.to}`,
    '',
    `From the bundles of ${proposal.agents} agents (${proposal.conversations} conversations). Review \`changes.diff\`, then \`inloop learn apply <this folder>\` writes the next version of the pack source; building, signing and publishing stay yours.`,
    '',
    `## New intent examples (${proposal.examples.length})`,
    '',
  ];
  if (proposal.examples.length === 0) out.push('(none agreed by enough agents)');
  for (const e of proposal.examples)
    out.push(
      `- \`${e.intentId}\`: ${quote(e.text)}${e.from === 'phrase' ? ' (a phrase of their examples)' : ''}: ${e.agents} agents, ${e.conversations} conversations`,
    );
  out.push(
    '',
    `## Aliases for articles agents used under other words (${proposal.aliases.length})`,
    '',
  );
  if (proposal.aliases.length === 0) out.push('(none)');
  for (const a of proposal.aliases)
    out.push(
      `- \`${a.articleId}\`: ${a.words.map((w) => `${w.word} (${w.agents} agents, ${Math.round(w.share * 100)} % of its uses)`).join(', ')}`,
    );
  out.push('', `## Article stubs for unanswered questions (${proposal.stubs.length})`, '');
  if (proposal.stubs.length === 0) out.push('(none)');
  for (const s of proposal.stubs)
    out.push(
      `- \`articles/learned/${s.slug}.md\`: ${s.conversations} conversations, ${s.agents} agents; about ${s.terms.join(', ')}`,
    );
  out.push(...rankingSection(proposal));
  out.push('', '## For review only (no change is written)', '', '### Replies agents rewrite', '');
  if (proposal.rewrites.length === 0) out.push('(none)');
  for (const r of proposal.rewrites)
    out.push(
      `- \`${r.replyId}\` (${r.title}), sent as offered in ${r.acceptance === null ? '—' : `${Math.round(r.acceptance * 100)} %`} of conversations; most common rewrite (${r.conversations} conversations, ${r.agents} agents): ${quote(r.text)}`,
    );
  out.push('', '### Rules agents dismiss ("not an escalation here")', '');
  if (proposal.rules.length === 0) out.push('(none)');
  for (const r of proposal.rules)
    out.push(
      `- \`${r.ruleId}\` (${r.reason}): dismissed in ${r.dismissed} of ${r.shown} conversations it was raised in, by ${r.agents} agents`,
    );
  out.push('', '## Files', '');
  for (const c of changes) out.push(`- ${c.before === null ? 'new' : 'changed'}: \`${c.path}\``);
  return `${out.join('\n')}\n`;
}

/** The team's ranking in brief: per article, the words and how many parts they point to. */
function rankingSection(proposal: Proposal): string[] {
  const byArticle = new Map<string, { words: Set<string>; parts: Set<string> }>();
  for (const e of proposal.ranking) {
    const a = byArticle.get(e.articleId) ?? { words: new Set(), parts: new Set() };
    a.words.add(e.word);
    if (e.part !== undefined) a.parts.add(e.part);
    byArticle.set(e.articleId, a);
  }
  const out = [
    '',
    `## The team's ranking (\`ranking.yaml\`: ${proposal.ranking.length} counts, ${byArticle.size} articles)`,
    '',
    "Which article, and which part of it, agents used for the words customers said (words carried by at least 2 agents' bundles). Search lifts them within the same caps as a device's own learning; the file replaces the previous one.",
    '',
  ];
  if (byArticle.size === 0) out.push('(none)');
  const top = [...byArticle].sort((a, b) => b[1].words.size - a[1].words.size).slice(0, 20);
  for (const [articleId, a] of top)
    out.push(
      `- \`${articleId}\`: ${a.words.size} words (${[...a.words].slice(0, 6).join(', ')}${a.words.size > 6 ? ', …' : ''}), ${a.parts.size} parts`,
    );
  if (byArticle.size > top.length) out.push(`- … and ${byArticle.size - top.length} more articles`);
  return out;
}
