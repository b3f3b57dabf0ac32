/**
 * A learning proposal as edits of the pack source: the next version in `pack.yaml`, the new
 * intent examples in `intents.yaml`, aliases in the front matter of the articles they belong to,
 * a stub article per cluster of unanswered questions, and the team's ranking in `ranking.yaml`.
 * YAML is edited in place (comments and formatting kept). `inloop learn merge` shows the edits as a diff; `inloop learn apply` writes
 * them, and only onto the source they were made from.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { isMap, isSeq, parseDocument, stringify, type Document, type YAMLSeq } from 'yaml';
import type { Proposal, PackSourceView } from '../../../shared/learning/proposal';
import { AppError } from '../../../shared/result';
import { writeFileAtomic } from '../core/atomic-file';
import { passagesOfArticle } from '../packs/build/pack-passages';
import { listSourceFiles } from '../packs/source/list-source-files';
import { readPackSource } from '../packs/source/read-pack-source';
import { splitFrontMatter } from '../packs/source/front-matter';

/** One file of the pack source, before (null: new) and after the proposal. */
export interface FileChange {
  readonly path: string;
  readonly before: string | null;
  readonly after: string;
}

/** Where proposed stub articles go, under `articles/`. */
export const STUB_FOLDER = 'learned';

/** The pack source as a proposal reads it; a source with problems is refused. */
export async function readSourceView(dir: string): Promise<PackSourceView> {
  const { source, problems } = await readPackSource(dir);
  if (!source) {
    const first = problems
      .slice(0, 3)
      .map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`)
      .join('; ');
    throw new AppError(
      'invalid_request',
      `the pack source ${dir} has ${problems.length} problem(s); fix them first (${first})`,
    );
  }
  return {
    id: source.meta.id,
    version: source.meta.version,
    intents: source.intents,
    articles: source.articles,
    responses: source.responses,
    rules: source.rules,
    passages: source.articles.flatMap((a) =>
      passagesOfArticle(a).map((p) => ({ articleId: a.articleId, text: p.text })),
    ),
  };
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function edited(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

function intentsList(doc: Document): YAMLSeq | null {
  if (isSeq(doc.contents)) return doc.contents;
  if (isMap(doc.contents)) {
    const inner = doc.contents.get('intents', true);
    return isSeq(inner) ? inner : null;
  }
  return null;
}

function withExamples(text: string, proposal: Proposal): string {
  const doc = parseDocument(text);
  const list = intentsList(doc);
  if (!list) throw new AppError('invalid_request', 'intents.yaml is not a list of intents');
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    const add = proposal.examples.filter((e) => e.intentId === id).map((e) => e.text);
    if (add.length === 0) continue;
    const examples = item.get('examples', true);
    if (isSeq(examples)) for (const text of add) examples.add(doc.createNode(text));
    else item.set('examples', doc.createNode(add));
  }
  return edited(doc);
}

function withAliases(text: string, words: readonly string[]): string {
  const split = splitFrontMatter(text);
  if (split.yaml === null)
    return `---\naliases: [${words.map((w) => JSON.stringify(w)).join(', ')}]\n---\n${text}`;
  const doc = parseDocument(split.yaml);
  const had = doc.get('aliases');
  const existing =
    typeof had === 'string'
      ? had.split(',').map((w) => w.trim())
      : isSeq(had)
        ? had.items.map((i) => String((i as { value?: unknown }).value ?? i))
        : [];
  const merged = [...existing, ...words.filter((w) => !existing.includes(w))];
  doc.set('aliases', doc.createNode(merged, { flow: true }));
  return `---\n${edited(doc)}---\n${split.body}`;
}

function stubArticle(stub: Proposal['stubs'][number]): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(stub.title)}`,
    'tags: [learned, draft]',
    '---',
    `# ${stub.title}`,
    '',
    `Draft from the questions of ${stub.agents} agents' customers that no article answered (${stub.conversations} conversations). Write the answer here, or delete this file.`,
    '',
    'Customers asked:',
    '',
    ...stub.examples.map((e) => `- ${e}`),
    ...(stub.examples.length === 0 ? [`- (about: ${stub.terms.join(', ')})`] : []),
    '',
  ];
  return lines.join('\n');
}

/** `ranking.yaml` holding the proposal's team ranking. */
function rankingFile(proposal: Proposal): string {
  const entries = proposal.ranking.map((e) => ({
    word: e.word,
    article: e.articleId,
    ...(e.part !== undefined && { part: e.part }),
    used: e.used,
    dismissed: e.dismissed,
    agents: e.agents,
  }));
  return [
    `# The team's ranking, from ${proposal.agents} agents' bundles (inloop learn merge).`,
    '# For each word customers said: how often agents used (or dismissed) an article, and a part',
    '# of it (the start of its text), under that word. Search lifts an article and its part by at most half',
    '# the best score. The next merge replaces this file; edit or delete entries freely.',
    stringify({ ranking: entries }, { lineWidth: 0 }),
  ].join('\n');
}

/** Every file the proposal changes or adds in the pack source `dir`. */
export async function proposalChanges(dir: string, proposal: Proposal): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const packYaml = await readFile(join(dir, 'pack.yaml'), 'utf8');
  const meta = parseDocument(packYaml);
  meta.set('version', proposal.pack.to);
  changes.push({ path: 'pack.yaml', before: packYaml, after: edited(meta) });
  if (proposal.examples.length > 0) {
    const before = await readIfThere(join(dir, 'intents.yaml'));
    if (before !== null)
      changes.push({ path: 'intents.yaml', before, after: withExamples(before, proposal) });
  }
  if (proposal.aliases.length > 0) {
    const listing = await listSourceFiles(dir);
    const fileOf = new Map(
      listing.articles.map((f) => [f.rel.replace(/^articles\//, '').replace(/\.[^./]+$/, ''), f]),
    );
    for (const { articleId, words } of proposal.aliases) {
      const file = fileOf.get(articleId);
      if (!file) continue;
      const before = await readFile(file.path, 'utf8');
      changes.push({
        path: file.rel,
        before,
        after: withAliases(
          before,
          words.map((w) => w.word),
        ),
      });
    }
  }
  if (proposal.ranking.length > 0) {
    const before = await readIfThere(join(dir, 'ranking.yaml'));
    changes.push({ path: 'ranking.yaml', before, after: rankingFile(proposal) });
  }
  for (const stub of proposal.stubs) {
    const path = `articles/${STUB_FOLDER}/${stub.slug}.md`;
    const before = await readIfThere(join(dir, path));
    changes.push({ path, before, after: stubArticle(stub) });
  }
  return changes.filter((c) => c.before !== c.after);
}

/** `path` inside `dir`, refusing anything that would leave it. */
function inside(dir: string, path: string): string {
  const root = resolve(dir);
  const full = resolve(root, path);
  if (!full.startsWith(root + sep))
    throw new AppError(
      'invalid_request',
      `the proposal names a file outside the pack source: ${path}`,
    );
  return full;
}

/**
 * Writes `changes` into the pack source `dir`: every file is checked first, and a source edited
 * since the proposal was made (a file no longer as `before` says) is refused whole.
 */
export async function applyChanges(dir: string, changes: readonly FileChange[]): Promise<void> {
  const stale: string[] = [];
  for (const c of changes) {
    const now = await readIfThere(inside(dir, c.path));
    if (now !== c.before) stale.push(c.path);
  }
  if (stale.length > 0)
    throw new AppError(
      'conflict',
      `the pack source changed since the proposal was made (${stale.join(', ')}); run inloop learn merge again`,
    );
  for (const c of changes) await writeFileAtomic(inside(dir, c.path), c.after);
}
