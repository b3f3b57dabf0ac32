/**
 * `npm run eval -- dialogsum`: the live gist (shared/assist/summary-gist.ts) against a lead-3
 * baseline on ../shared/data/dialogsum-dev (500 dialogues, `#Person1#:` turns), ROUGE-1/2/L F1
 * (eval/rouge.ts, Porter-stemmed) averaged over each dialogue's references. Parameters were
 * tuned on the first half (dev_0..dev_249); the second half is held out. Speakers become roles
 * as `#Person2#` customer, `#Person1#` agent (DialogSum's second speaker is usually the one
 * with the problem, the first the one who asks "what can I do for you?").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveGist } from '../shared/assist/summary-gist';
import type { SpokenTurn } from '../shared/assist/suggest/customer-query';
import { sentences } from '../shared/assist/suggest/text';
import { meanRouge, rouge, type RougeScores } from './rouge';
import type { EvalSuite } from './suites';

/** One dialogue with its reference summaries. */
export interface SummaryDialogue {
  readonly id: string;
  readonly turns: readonly SpokenTurn[];
  readonly references: readonly string[];
}

/** Where the data lives: ../shared/data/dialogsum-dev from the repository root. */
export function dialogsumFile(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return join(root, '..', 'shared', 'data', 'dialogsum-dev', 'dialogsum.dev.jsonl');
}

const SPEAKER = /^#Person(\d+)#:\s*/;

/** `#PersonN#: text` lines as turns (Person2 the customer, the others the agent). */
export function dialogueTurns(dialogue: string): SpokenTurn[] {
  return dialogue
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const m = SPEAKER.exec(line);
      const role = m?.[1] === '2' ? 'customer' : 'agent';
      return { role, text: line.replace(SPEAKER, '') } as const;
    });
}

interface RawDialogue {
  fname: string;
  dialogue: string;
  summary?: string;
  summary1?: string;
  summary2?: string;
  summary3?: string;
}

/** The dialogues, or null when the file is absent. */
export function loadDialogSum(path = dialogsumFile()): SummaryDialogue[] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const d = JSON.parse(line) as RawDialogue;
      const references = [d.summary, d.summary1, d.summary2, d.summary3].filter(
        (s): s is string => typeof s === 'string' && s.trim().length > 0,
      );
      return { id: d.fname, turns: dialogueTurns(d.dialogue), references };
    });
}

/** The baseline: the first three turns. */
export const lead3Turns = (turns: readonly SpokenTurn[]) =>
  turns
    .slice(0, 3)
    .map((t) => t.text)
    .join(' ');

/** The other reading of lead-3: the first three sentences. */
export const lead3Sentences = (turns: readonly SpokenTurn[]) =>
  turns
    .flatMap((t) => sentences(t.text))
    .slice(0, 3)
    .join(' ');

type Summarizer = (turns: readonly SpokenTurn[]) => string;

/** Mean ROUGE and mean length of one summarizer over a set. */
export function scoreSummarizer(
  summarize: Summarizer,
  set: readonly SummaryDialogue[],
  stem = true,
): RougeScores & { words: number } {
  let words = 0;
  const scores = set.map((d) => {
    const text = summarize(d.turns);
    words += text.split(/\s+/).filter(Boolean).length;
    return rouge(text, d.references, stem);
  });
  return { ...meanRouge(scores), words: words / Math.max(1, set.length) };
}

const pct = (x: number) => (100 * x).toFixed(2);

const ROWS: readonly [string, Summarizer][] = [
  ['live gist (ours)', (t) => liveGist(t)],
  ['lead-3 turns (baseline)', lead3Turns],
  ['lead-3 sentences', lead3Sentences],
];

function table(title: string, set: readonly SummaryDialogue[], stem = true): string {
  const rows = ROWS;
  const lines = [
    `${title} (n=${set.length})`,
    '',
    '| summary | ROUGE-1 | ROUGE-2 | ROUGE-L | words |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [name, fn] of rows) {
    const s = scoreSummarizer(fn, set, stem);
    lines.push(
      `| ${name} | ${pct(s.rouge1)} | ${pct(s.rouge2)} | ${pct(s.rougeL)} | ${s.words.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

const shortText = (text: string) => (text.length > 220 ? `${text.slice(0, 219)}…` : text);

/** A few held-out dialogues side by side with their references. */
function examples(set: readonly SummaryDialogue[]): string {
  return set
    .map((d) => {
      const gist = liveGist(d.turns);
      const lead = lead3Turns(d.turns);
      const r1 = (text: string) => pct(rouge(text, d.references).rouge1);
      return [
        `- ${d.id}`,
        ...d.references.map((r) => `  - reference: ${shortText(r)}`),
        `  - gist (R-1 ${r1(gist)}): ${shortText(gist)}`,
        `  - lead-3 (R-1 ${r1(lead)}): ${shortText(lead)}`,
      ].join('\n');
    })
    .join('\n');
}

/** With DIALOGSUM_OUT=<file>, every dialogue's gist, lead-3, references and scores as JSON lines. */
function dump(path: string, data: readonly SummaryDialogue[]): void {
  const lines = data.map((d) => {
    const gist = liveGist(d.turns);
    const lead3 = lead3Turns(d.turns);
    return JSON.stringify({
      id: d.id,
      references: d.references,
      gist,
      lead3,
      gistRouge: rouge(gist, d.references),
      lead3Rouge: rouge(lead3, d.references),
    });
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** The suite `npm run eval` runs. */
export const dialogsumSuite: EvalSuite = {
  name: 'dialogsum',
  run() {
    const data = loadDialogSum();
    if (!data) {
      return Promise.resolve(
        `skipped: ${dialogsumFile()} is missing (the shared data folder sits beside the repository)`,
      );
    }
    const half = Math.ceil(data.length / 2);
    const refs = Math.max(...data.map((d) => d.references.length));
    const out = process.env.DIALOGSUM_OUT;
    if (out) dump(out, data);
    return Promise.resolve(
      [
        `ROUGE F1 ×100, Porter-stemmed, rouge-score tokenisation; ${refs} reference(s) per dialogue (best counts).`,
        '',
        table('tuning half (first)', data.slice(0, half)),
        '',
        table('held-out half (second)', data.slice(half)),
        '',
        table('all', data),
        '',
        table('all, without stemming', data, false),
        '',
        'held-out examples:',
        examples(data.slice(half, half + 3)),
        ...(out ? ['', `every dialogue's gist, lead-3 and references: ${out}`] : []),
      ].join('\n'),
    );
  },
};
