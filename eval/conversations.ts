/**
 * The scripted conversations of eval/conversations/*.yaml and how one is scored: what the
 * engine showed after each customer turn (intent, candidates, the replies it offered), what it
 * ended with (flags, handoff), and the checklist for the expected intent; then one pass/fail
 * per checked property. Pure apart from reading the fixture, so the unit test can score
 * made-up runs.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { NextActionState, Suggestions } from '../shared/schemas/assist';

const TurnSchema = z.union([
  z.object({ c: z.string().min(1), intent: z.string().nullable() }).strict(),
  z.object({ a: z.string().min(1) }).strict(),
]);

export const ScriptSchema = z
  .object({
    id: z.string().min(1),
    subflow: z.string().min(1),
    turns: z.array(TurnSchema).min(1),
    ticks: z
      .object({
        done: z.array(z.string()).default([]),
        open: z.array(z.string()).default([]),
      })
      .strict()
      .default({ done: [], open: [] }),
    flags: z
      .object({
        raise: z.array(z.string()).default([]),
        quiet: z.array(z.string()).default([]),
      })
      .strict()
      .default({ raise: [], quiet: [] }),
    mustNotSay: z.array(z.string()).min(1),
    /** The customer turn (1-based) from which `mustNotSay` holds (default 1: all of them). */
    mustNotSayFrom: z.number().int().min(1).default(1),
    issue: z.string().optional(),
  })
  .strict();
export type Script = z.infer<typeof ScriptSchema>;

/** The scripts of a fixture file, validated (a bad script names itself). */
export function readScripts(path: string): Script[] {
  const raw = parse(readFileSync(path, 'utf8')) as unknown;
  const scripts = z.array(ScriptSchema).parse(raw);
  const ids = new Set<string>();
  for (const s of scripts) {
    if (ids.has(s.id)) throw new Error(`${path}: conversation id "${s.id}" is used twice`);
    ids.add(s.id);
  }
  return scripts;
}

/** The turns of a script as the assist service takes them. */
export function scriptTurns(script: Script): { role: 'customer' | 'agent'; text: string }[] {
  return script.turns.map((t) =>
    'c' in t ? { role: 'customer', text: t.c } : { role: 'agent', text: t.a },
  );
}

/** What the engine showed while a script ran. */
export interface Run {
  /** The intent the engine alone showed after each customer turn (no picks), in order. */
  readonly engineAlone: readonly (string | null)[];
  /** The replies the engine alone offered after each customer turn (no picks), in order. */
  readonly engineAloneReplies: readonly Suggestions['replies'][];
  /**
   * After each customer turn, in order, in the run where the agent picks the expected intent
   * with one key whenever it is among the candidates (flags, replies and ticks come from it).
   */
  readonly afterCustomer: readonly Pick<Suggestions, 'intent' | 'candidates' | 'replies'>[];
  /** The flags at the end. */
  readonly flags: readonly { concern?: string | undefined }[];
  /** The checklist at the end for the script's expected intent (the agent's one-key pick). */
  readonly steps: readonly NextActionState[];
  /** The handoff's Issue line, if any. */
  readonly issue: string | undefined;
}

/** What no reply on the agent's screen may show in any conversation. */
export const NEVER_ON_SCREEN = ['{{', '}}', '[EMAIL]', '[PHONE]', '[CARD]', '[NAME]', '[ORDER]'];

/** The properties the suite reports, in report order. */
export const PROPERTIES = [
  'intent per customer turn (engine alone)',
  'intent shown, or one key away among the candidates',
  'ticks done when done (or suggested)',
  'ticks done, strictly (not just suggested)',
  'no tick when only asked about',
  'expected flags raised',
  'no flag where none is due',
  'one flag per concern',
  'replies never say what they must not',
  'handoff issue from the first need',
] as const;
export type Property = (typeof PROPERTIES)[number];

/** One checked property: passed or not, and what failed (for the report). */
export interface Check {
  readonly property: Property;
  readonly pass: boolean;
  readonly detail: string;
}

/** Every check of one script's run. */
export function scoreRun(script: Script, run: Run): Check[] {
  const checks: Check[] = [];
  const check = (property: Property, pass: boolean, detail: string) =>
    checks.push({ property, pass, detail });
  const expected = script.turns.flatMap((t) => ('c' in t ? [t.intent] : []));
  expected.forEach((want, i) => {
    const alone = run.engineAlone[i] ?? null;
    check(
      'intent per customer turn (engine alone)',
      alone === want,
      `turn ${i + 1}: want ${want}, got ${alone}`,
    );
    const shown = run.afterCustomer[i];
    const got = shown?.intent?.id ?? null;
    const offered =
      got === want || (want !== null && !!shown?.candidates.some((c) => c.id === want));
    check(
      'intent shown, or one key away among the candidates',
      offered,
      `turn ${i + 1}: want ${want}, got ${got} [${shown?.candidates.map((c) => c.id).join(', ') ?? ''}]`,
    );
  });
  const step = (id: string) => run.steps.find((s) => s.id === id);
  for (const id of script.ticks.done) {
    const s = step(id);
    check(
      'ticks done when done (or suggested)',
      !!s && (s.done || !!s.suggested),
      `${id}: ${state(s)}`,
    );
    check('ticks done, strictly (not just suggested)', !!s?.done, `${id}: ${state(s)}`);
  }
  for (const id of script.ticks.open) {
    const s = step(id);
    check('no tick when only asked about', !!s && !s.done && !s.suggested, `${id}: ${state(s)}`);
  }
  const concerns = run.flags.map((f) => f.concern ?? '?');
  for (const c of script.flags.raise) {
    check('expected flags raised', concerns.includes(c), `${c}: raised [${concerns.join(', ')}]`);
  }
  for (const c of script.flags.quiet) {
    check(
      'no flag where none is due',
      !concerns.includes(c),
      `${c}: raised [${concerns.join(', ')}]`,
    );
  }
  check(
    'one flag per concern',
    new Set(concerns).size === concerns.length,
    `raised [${concerns.join(', ')}]`,
  );
  {
    // Never right anywhere: a raw placeholder, or a mask on the agent's own screen.
    const never = [...script.mustNotSay, ...NEVER_ON_SCREEN];
    // Both runs: with the agent's picks, and the engine alone (no intent: grounded replies).
    const runs = [run.afterCustomer.map((s) => s.replies), run.engineAloneReplies];
    const said = runs.flatMap((perTurn) =>
      perTurn.flatMap((replies, i) =>
        i + 1 < script.mustNotSayFrom
          ? []
          : replies
              .filter((r) => r.withheld === undefined)
              .flatMap((r) =>
                never
                  .filter((bad) => r.text.toLowerCase().includes(bad.toLowerCase()))
                  .map((bad) => `turn ${i + 1}: "${bad}" in "${r.text}"`),
              ),
      ),
    );
    check('replies never say what they must not', said.length === 0, said.join('; '));
  }
  if (script.issue !== undefined) {
    const issue = run.issue ?? '';
    check(
      'handoff issue from the first need',
      issue.toLowerCase().includes(script.issue.toLowerCase()),
      `want "${script.issue}" in "${issue}"`,
    );
  }
  return checks;
}

function state(s: NextActionState | undefined): string {
  if (!s) return 'not in the checklist';
  return s.done ? 'done' : s.suggested ? 'suggested' : 'open';
}

/** Pass rate per property over every check: passed, total, rate. */
export function passRates(
  checks: readonly Check[],
): { property: Property; passed: number; total: number }[] {
  return PROPERTIES.map((property) => {
    const mine = checks.filter((c) => c.property === property);
    return { property, passed: mine.filter((c) => c.pass).length, total: mine.length };
  });
}
