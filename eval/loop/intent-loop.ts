/**
 * The intent half of `npm run eval -- loop`, on CLINC150 and HWU64 alike: a pack starts with 10
 * examples per intent; a stream of the other training utterances arrives as customer messages,
 * and a simulated agent picks the right intent for every wrong or missing answer (below the
 * pack's confident level: the engine showed candidates), at most `budget` times per intent. Each
 * pick goes through the product's learning (`learnIntentPick`, `learnedExamples`) into the model
 * the engine builds (`buildIntentModel(intents, learned)`). Accuracy on the test set is plotted against corrections per intent, beside the
 * model trained on 30 examples per intent (drawn the same way) in the same run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { classifyMessage, rankMessage } from '../../shared/assist/intent/detect-intent';
import { buildIntentModel, type IntentModel } from '../../shared/assist/intent/intent-model';
import { learnedExamples, learnIntentPick } from '../../shared/learning/intent-examples';
import { emptyLearnedState, type LearnedState } from '../../shared/learning/learned-state';
import { seededRandom } from '../../shared/seeded-random';
import { readHwuSplit } from '../hwu64-suite';
import { samplePerIntent, sharedDataPath, type Pair } from '../intent-eval';

export type { Pair };

/** An intent data set: its training utterances and its test set. */
export interface IntentData {
  readonly name: string;
  readonly train: readonly Pair[];
  readonly test: readonly Pair[];
}

/** CLINC150 (in scope) and HWU64 from ../shared/data; a data set that is absent is left out. */
export function loadIntentData(): IntentData[] {
  const out: IntentData[] = [];
  const clinc = sharedDataPath('clinc150', 'data_full.json');
  if (existsSync(clinc)) {
    const d = JSON.parse(readFileSync(clinc, 'utf8')) as { train: Pair[]; test: Pair[] };
    out.push({ name: 'CLINC150', train: d.train, test: d.test });
  }
  const hwu = sharedDataPath('hwu64');
  if (existsSync(`${hwu}/train.jsonl`)) {
    out.push({
      name: 'HWU64',
      train: readHwuSplit(`${hwu}/train.jsonl`),
      test: readHwuSplit(`${hwu}/test.jsonl`),
    });
  }
  return out;
}

/**
 * The pack's first examples (`n` per intent, sampled as the intent suites sample them) and the
 * stream of the other training utterances, in a seeded random order.
 */
export function startAndStream(train: readonly Pair[], n: number): { head: Pair[]; rest: Pair[] } {
  const head = samplePerIntent(train, n);
  const taken = new Set(head);
  const rest = train.filter((p) => !taken.has(p));
  const random = seededRandom(1);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return { head, rest };
}

function intentsOf(pairs: readonly Pair[]) {
  const byIntent = new Map<string, string[]>();
  for (const [text, id] of pairs) byIntent.set(id, [...(byIntent.get(id) ?? []), text]);
  return [...byIntent].map(([id, examples]) => ({ id, description: id, examples }));
}

/** The model of `pairs` plus what `state` learned, as the assist engine builds it. */
export function modelWith(pairs: readonly Pair[], state?: LearnedState): IntentModel {
  return buildIntentModel(intentsOf(pairs), state ? learnedExamples(state) : undefined);
}

/** Top-1 accuracy on `test` (the most probable intent, before any threshold). */
export function accuracy(model: IntentModel, test: readonly Pair[]): number {
  let right = 0;
  for (const [text, truth] of test) if (rankMessage(model, text)[0]?.id === truth) right++;
  return right / Math.max(1, test.length);
}

/** One point of the curve. */
export interface CurvePoint {
  /** Corrections so far over intents. */
  readonly perIntent: number;
  readonly corrections: number;
  readonly accuracy: number;
}

/**
 * Streams `stream` past the model of `initial`, learning each correction; the model is rebuilt
 * after every `rebuildEvery` corrections (the app rebuilds it after each pick, before the next
 * turn; batching here only keeps the run short), and measured at the `checkpoints`.
 */
export function correctionCurve(
  initial: readonly Pair[],
  stream: readonly Pair[],
  test: readonly Pair[],
  options: { budget: number; checkpoints: readonly number[]; rebuildEvery: number },
  state: LearnedState = emptyLearnedState(),
): { curve: CurvePoint[]; state: LearnedState } {
  const intents = new Set(initial.map(([, id]) => id)).size;
  const perIntent = new Map<string, number>();
  let model = modelWith(initial, state);
  let corrections = 0;
  let sinceBuild = 0;
  const curve: CurvePoint[] = [{ perIntent: 0, corrections: 0, accuracy: accuracy(model, test) }];
  const pending = [...options.checkpoints].filter((c) => c > 0).sort((a, b) => a - b);
  let at = Date.parse('2026-11-01T09:00:00Z');
  for (const [text, truth] of stream) {
    if ((perIntent.get(truth) ?? 0) >= options.budget) continue;
    const turns = [{ role: 'customer' as const, text }];
    // The engine's answer: its intent when confident; unsure (candidates only) counts as missing.
    const answer = classifyMessage(model, text).intent;
    if (answer?.id === truth) continue;
    learnIntentPick(
      state,
      { engineIntentId: answer?.id ?? null, pickedIntentId: truth, turns, at: (at += 60_000) },
      true,
    );
    perIntent.set(truth, (perIntent.get(truth) ?? 0) + 1);
    corrections++;
    if (++sinceBuild >= options.rebuildEvery) {
      model = modelWith(initial, state);
      sinceBuild = 0;
    }
    while (pending.length > 0 && corrections >= pending[0]! * intents) {
      if (sinceBuild > 0) {
        model = modelWith(initial, state);
        sinceBuild = 0;
      }
      curve.push({ perIntent: pending.shift()!, corrections, accuracy: accuracy(model, test) });
    }
  }
  model = modelWith(initial, state);
  curve.push({
    perIntent: Math.round((corrections / intents) * 10) / 10,
    corrections,
    accuracy: accuracy(model, test),
  });
  return { curve, state };
}
