/**
 * What a device has learned from its agent's decisions, in memory: article priors per query
 * term and per intent, intent examples, reply acceptance and rewrites, flag dismissals, the
 * corrections and gaps a team lead sees, and per-day counts. Bounded by construction: every
 * table has a cap, and `compactLearnedState` drops the weakest entries past it, so 10,000
 * decisions or a million keep the file to a few megabytes. Articles are referred to by pack id
 * and article id only (never a pack version), so a prior follows its article across pack
 * upgrades; a passage by the fingerprint of its text, so its own preference holds while its
 * text does. Every text is redacted before it gets here.
 */
import type { DayCounts, LearnedStateFile } from '../schemas/learning';

/** Uses and dismissals of one article (position-weighted). */
export interface PriorCell {
  used: number;
  dismissed: number;
}

/** What one query term (or intent) taught about articles. */
export interface PriorRow {
  /** Total weight of the decisions under this key (used + dismissed, all articles). */
  weight: number;
  /** Conversations the key was learned in (the k of an export). */
  conversations: number;
  /** Article position in the article table → its cell. */
  cells: Map<number, PriorCell>;
  /** The word the (stemmed) term came from; '' for intents. */
  word: string;
  /**
   * The same decisions per passage, by the fingerprint of its text (`passageFingerprint`): which
   * part of an article answered. Weighed against the row's `weight` as the article cells are.
   */
  passages: Map<string, PriorCell>;
}

/** A row with nothing learned yet under it (`word`: the word its term came from, '' for intents). */
export const emptyPriorRow = (word: string): PriorRow => ({
  weight: 0,
  conversations: 0,
  cells: new Map(),
  word,
  passages: new Map(),
});

/** Adds uses and dismissals to the cell at `key` (made the first time). */
export function addToCell<K>(
  cells: Map<K, PriorCell>,
  key: K,
  used: number,
  dismissed: number,
): void {
  const cell = cells.get(key) ?? { used: 0, dismissed: 0 };
  cell.used += used;
  cell.dismissed += dismissed;
  cells.set(key, cell);
}

/** A redacted text and how many conversations it was seen in. */
export interface SeenText {
  text: string;
  c: number;
  at: number;
}

export interface ReplyStats {
  /** Conversations the reply was shown in. */
  shown: number;
  /** Conversations it was copied in (not acceptance: a copy may be an accident). */
  copied: number;
  /** Conversations it was sent in, as offered or lightly edited (acceptance). */
  sent: number;
  /** The texts agents sent instead, when they edited it more than lightly. */
  rewrites: SeenText[];
}

export interface FlagStats {
  shown: number;
  dismissed: number;
}

/** A question a used card answered: its terms, the card's passage, when. */
export interface AnswerEntry {
  /** The distinct (stemmed) terms of the customer's latest turn, at most `PRIOR_TERMS`. */
  readonly terms: readonly string[];
  /** The fingerprint of the passage that answered it. */
  readonly passage: string;
  readonly at: number;
  /** The conversation it was learned in (in memory only: not written to the file). */
  readonly conversation?: string;
}

/** What the current conversation has already counted (kept in memory only). */
export interface ConversationMemo {
  readonly id: string;
  readonly day: DayCounts;
  readonly replies: Set<string>;
  readonly sent: Set<string>;
  readonly copied: Set<string>;
  readonly flags: Set<string>;
  readonly dismissedFlags: Set<string>;
  readonly articles: Set<string>;
  readonly used: Set<string>;
  readonly terms: Set<string>;
  readonly reasons: Set<string>;
  readonly corrections: Set<string>;
  readonly gaps: Set<string>;
  /** Article key → uses minus dismissals in this conversation. */
  readonly articleVotes: Map<string, number>;
  /** Fingerprints of the passages used in this conversation. */
  readonly usedPassages: Set<string>;
  escalated: boolean;
}

export interface LearnedState {
  updatedAt: number;
  events: number;
  conversations: number;
  /** Article table: [packId, articleId] by position, and the position of each key. */
  readonly articles: [string, string][];
  readonly articleIndex: Map<string, number>;
  readonly terms: Map<string, PriorRow>;
  readonly intentPriors: Map<string, PriorRow>;
  /** The questions used cards answered, oldest first (`answer-memory.ts`). */
  readonly answers: AnswerEntry[];
  /** Term → remembered questions holding it. */
  readonly answerTerms: Map<string, number>;
  /** Intent id → learned examples. */
  readonly examples: Map<string, SeenText[]>;
  /** `from\u0000to` (engine intent → picked; '' for none) → conversations. */
  readonly corrections: Map<string, number>;
  readonly replies: Map<string, ReplyStats>;
  readonly flags: Map<string, FlagStats>;
  /** Escalation reason → conversations. */
  readonly reasons: Map<string, number>;
  gaps: SeenText[];
  days: DayCounts[];
  /** Grows whenever the intent examples change: the engine rebuilds its model on a new value. */
  examplesRevision: number;
  current: ConversationMemo | null;
}

/** The caps that bound the state (and so the file) whatever the number of decisions. */
export const LEARNED_LIMITS = {
  articles: 20_000,
  terms: 20_000,
  /** (term, article) cells over all terms. */
  termCells: 60_000,
  intents: 2_000,
  intentCells: 20_000,
  examplesPerIntent: 40,
  exampleChars: 500,
  replies: 2_000,
  rewritesPerReply: 5,
  rewriteChars: 2_000,
  flags: 500,
  reasons: 500,
  corrections: 2_000,
  gaps: 500,
  answers: 5_000,
  days: 400,
} as const;

export function emptyLearnedState(): LearnedState {
  return {
    updatedAt: 0,
    events: 0,
    conversations: 0,
    articles: [],
    articleIndex: new Map(),
    terms: new Map(),
    intentPriors: new Map(),
    answers: [],
    answerTerms: new Map(),
    examples: new Map(),
    corrections: new Map(),
    replies: new Map(),
    flags: new Map(),
    reasons: new Map(),
    gaps: [],
    days: [],
    examplesRevision: 0,
    current: null,
  };
}

/** The key of an article across packs and pack versions. */
export const articleKey = (packId: string, articleId: string): string =>
  `${packId}\u0000${articleId}`;

/** The article's position in the table, added when new. */
export function articleRef(state: LearnedState, packId: string, articleId: string): number {
  const key = articleKey(packId, articleId);
  let at = state.articleIndex.get(key);
  if (at === undefined) {
    at = state.articles.length;
    state.articles.push([packId, articleId]);
    state.articleIndex.set(key, at);
  }
  return at;
}

/** Remembers that `entry.passage` answered a question of `entry.terms` (in place, capped). */
export function learnAnswer(state: LearnedState, entry: AnswerEntry): void {
  if (entry.terms.length === 0) return;
  state.answers.push(entry);
  for (const t of new Set(entry.terms))
    state.answerTerms.set(t, (state.answerTerms.get(t) ?? 0) + 1);
  const over = state.answers.length - LEARNED_LIMITS.answers;
  if (over <= 0) return;
  // The oldest questions go.
  for (const old of state.answers.splice(0, over))
    for (const t of new Set(old.terms)) {
      const n = (state.answerTerms.get(t) ?? 1) - 1;
      if (n > 0) state.answerTerms.set(t, n);
      else state.answerTerms.delete(t);
    }
}

/** The correction key of engine intent `from` → picked `to` (null: none). */
export const correctionKey = (from: string | null, to: string | null): string =>
  `${from ?? ''}\u0000${to ?? ''}`;

/** Adds `text` to a seen-text list (one entry per text), keeping the most seen within `cap`. */
export function noteText(list: SeenText[], text: string, at: number, cap: number): SeenText[] {
  const had = list.find((s) => s.text === text);
  if (had) {
    had.c += 1;
    had.at = at;
    return list;
  }
  const next = [...list, { text, c: 1, at }];
  if (next.length <= cap) return next;
  // Drop the least seen, oldest first; the new text stays (it is the latest decision).
  const drop = next
    .slice(0, -1)
    .reduce((worst, s) => (s.c < worst.c || (s.c === worst.c && s.at < worst.at) ? s : worst));
  return next.filter((s) => s !== drop);
}

// ── compaction ──

function cellsWeight(row: PriorRow): number {
  return row.weight;
}

/** Keeps the `cap` heaviest rows and at most `cellCap` cells overall (the heaviest). */
function compactRows(rows: Map<string, PriorRow>, cap: number, cellCap: number): void {
  if (rows.size > cap) {
    const keep = [...rows].sort((a, b) => cellsWeight(b[1]) - cellsWeight(a[1])).slice(0, cap);
    rows.clear();
    for (const [k, v] of keep) rows.set(k, v);
  }
  const dropped = dropLightest(rows, (row) => row.cells, cellCap);
  for (const { row, cell } of dropped) row.weight -= cell.used + cell.dismissed;
  if (dropped.length > 0) for (const [k, row] of rows) if (row.cells.size === 0) rows.delete(k);
  dropLightest(rows, (row) => row.passages, cellCap);
}

/**
 * At most `cap` cells of `cellsOf` over all rows: past it, the lightest go (down to 80 % of the
 * cap, so compaction runs rarely). Returns what went, with its row.
 */
function dropLightest<K>(
  rows: Map<string, PriorRow>,
  cellsOf: (row: PriorRow) => Map<K, PriorCell>,
  cap: number,
): { row: PriorRow; cell: PriorCell }[] {
  let cells = 0;
  for (const row of rows.values()) cells += cellsOf(row).size;
  if (cells <= cap) return [];
  const all: { row: PriorRow; key: K; cell: PriorCell }[] = [];
  for (const row of rows.values())
    for (const [key, cell] of cellsOf(row)) all.push({ row, key, cell });
  all.sort((a, b) => a.cell.used + a.cell.dismissed - (b.cell.used + b.cell.dismissed));
  const dropped = all.slice(0, cells - Math.floor(cap * 0.8));
  for (const { row, key } of dropped) cellsOf(row).delete(key);
  return dropped;
}

function capMap<V>(map: Map<string, V>, cap: number, weight: (v: V) => number): void {
  if (map.size <= cap) return;
  const keep = [...map].sort((a, b) => weight(b[1]) - weight(a[1])).slice(0, cap);
  map.clear();
  for (const [k, v] of keep) map.set(k, v);
}

/** Enforces every cap of `LEARNED_LIMITS` (in place). */
export function compactLearnedState(state: LearnedState): void {
  const L = LEARNED_LIMITS;
  compactRows(state.terms, L.terms, L.termCells);
  compactRows(state.intentPriors, L.intents, L.intentCells);
  capMap(state.examples, L.intents, (list) => list.reduce((n, s) => n + s.c, 0));
  capMap(state.corrections, L.corrections, (n) => n);
  capMap(state.replies, L.replies, (r) => r.shown + r.copied + r.sent);
  capMap(state.flags, L.flags, (f) => f.shown + f.dismissed);
  capMap(state.reasons, L.reasons, (n) => n);
  if (state.gaps.length > L.gaps)
    state.gaps = [...state.gaps].sort((a, b) => b.c - a.c || b.at - a.at).slice(0, L.gaps);
  if (state.days.length > L.days) state.days = state.days.slice(-L.days);
  if (state.articles.length > L.articles) reindexArticles(state);
}

/** Rebuilds the article table from the articles still referred to. */
function reindexArticles(state: LearnedState): void {
  const used = new Set<number>();
  for (const rows of [state.terms, state.intentPriors])
    for (const row of rows.values()) for (const a of row.cells.keys()) used.add(a);
  const order = [...used].sort((a, b) => a - b).slice(-LEARNED_LIMITS.articles);
  const kept = new Set(order);
  const moved = new Map(order.map((old, i) => [old, i]));
  const refs = order.map((old) => state.articles[old]!);
  state.articles.length = 0;
  state.articles.push(...refs);
  state.articleIndex.clear();
  refs.forEach(([p, a], i) => state.articleIndex.set(articleKey(p, a), i));
  for (const rows of [state.terms, state.intentPriors]) {
    for (const [key, row] of rows) {
      const cells = new Map<number, PriorCell>();
      for (const [a, cell] of row.cells) if (kept.has(a)) cells.set(moved.get(a)!, cell);
      if (cells.size === 0) rows.delete(key);
      else row.cells = cells;
    }
  }
}

// ── the file form ──

const rowsToFile = (rows: Map<string, PriorRow>): LearnedStateFile['terms'] =>
  [...rows].map(([key, row]) => [
    key,
    round(row.weight),
    row.conversations,
    [...row.cells].map(([a, c]) => [a, round(c.used), round(c.dismissed)]),
    row.word,
    [...row.passages].map(([f, c]) => [f, round(c.used), round(c.dismissed)]),
  ]);

function rowsFromFile(rows: LearnedStateFile['terms'], articles: number): Map<string, PriorRow> {
  const out = new Map<string, PriorRow>();
  for (const [key, weight, conversations, cells, word, passageCells = []] of rows) {
    const map = new Map<number, PriorCell>();
    for (const [a, used, dismissed] of cells) if (a < articles) map.set(a, { used, dismissed });
    const passages = new Map(passageCells.map(([f, used, dismissed]) => [f, { used, dismissed }]));
    if (map.size > 0) out.set(key, { weight, conversations, cells: map, word, passages });
  }
  return out;
}

/** The state as its JSON file holds it (the conversation in progress is not kept). */
export function learnedStateToFile(state: LearnedState): LearnedStateFile {
  return {
    format: 1,
    updatedAt: state.updatedAt,
    events: state.events,
    conversations: state.conversations,
    articles: state.articles.map(([p, a]) => [p, a]),
    terms: rowsToFile(state.terms),
    intentPriors: rowsToFile(state.intentPriors),
    answers: state.answers.map((a) => [[...a.terms], a.passage, a.at]),
    examples: [...state.examples],
    corrections: [...state.corrections].map(([key, n]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return [from, to, n];
    }),
    replies: [...state.replies].map(([id, r]) => ({ id, ...r })),
    flags: [...state.flags].map(([ruleId, f]) => ({ ruleId, ...f })),
    reasons: [...state.reasons],
    gaps: state.gaps,
    days: state.days,
  };
}

/** The state a file holds (already checked against `LearnedStateFileSchema`). */
export function learnedStateFromFile(file: LearnedStateFile): LearnedState {
  const state = emptyLearnedState();
  state.updatedAt = file.updatedAt;
  state.events = file.events;
  state.conversations = file.conversations;
  file.articles.forEach(([p, a]) => articleRef(state, p, a));
  const n = state.articles.length;
  for (const [k, v] of rowsFromFile(file.terms, n)) state.terms.set(k, v);
  for (const [k, v] of rowsFromFile(file.intentPriors, n)) state.intentPriors.set(k, v);
  for (const [terms, passage, at] of file.answers ?? []) learnAnswer(state, { terms, passage, at });
  for (const [id, list] of file.examples) state.examples.set(id, list);
  for (const [from, to, c] of file.corrections) state.corrections.set(`${from}\u0000${to}`, c);
  for (const { id, ...r } of file.replies) state.replies.set(id, r);
  for (const { ruleId, ...f } of file.flags) state.flags.set(ruleId, f);
  for (const [reason, c] of file.reasons) state.reasons.set(reason, c);
  state.gaps = file.gaps;
  state.days = file.days;
  compactLearnedState(state);
  return state;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
