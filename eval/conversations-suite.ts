/**
 * `npm run eval -- conversations`: the scripted conversations of eval/conversations/ over the
 * example pack, through the product path: the pack is built, installed into a temp data folder
 * (lexical search, as the assist service searches), and each conversation is fed turn by turn
 * to the real `AssistService`. After every customer turn the intent, the candidates and the
 * offered replies are kept; at the end the flags and the handoff. Ticks are scored on the
 * checklist of the expected intent (as if the agent picked it with one key), so a wrong intent
 * does not hide how ticking behaves. Prints the pass rate of each property and the failures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checklist } from '../shared/assist/next-actions';
import type { PackPlaybook } from '../shared/packs/pack-playbook';
import { AssistService } from '../electron/services/assist/assist-service';
import { FeedbackLog } from '../electron/services/assist/feedback-log';
import { EventBus } from '../electron/services/core/event-bus';
import { buildPack } from '../electron/services/packs/build';
import { openKnowledge } from '../electron/app/open-knowledge';
import {
  passRates,
  readScripts,
  scoreRun,
  scriptTurns,
  type Check,
  type Run,
  type Script,
} from './conversations';
import type { EvalSuite } from './suites';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(root, 'eval', 'conversations', 'acme-retail.yaml');
/** Failures listed under the table at most. */
const SHOWN_FAILURES = 200;

/** The `conversations` suite. */
export const conversationsSuite: EvalSuite = {
  name: 'conversations',
  async run() {
    const scripts = readScripts(FIXTURE);
    const dir = await mkdtemp(join(tmpdir(), 'inloop-eval-conversations-'));
    try {
      const file = join(dir, 'acme-retail.inloop');
      const built = await buildPack(join(root, 'packs', 'acme-retail'), {
        out: file,
        embedder: null,
      });
      if (!built.ok) throw new Error('eval conversations: packs/acme-retail does not build');
      const opened = await openKnowledge({
        dataDir: join(dir, 'data'),
        embeddings: { embedder: null, reason: 'eval: lexical, as the assist service searches' },
        trust: () => ({ trustedKeys: [], allowUnsigned: true }),
      });
      try {
        await opened.packs.service.install({ path: file });
        const service = new AssistService({
          bus: new EventBus(),
          knowledge: opened.knowledge.service,
          feedback: FeedbackLog.in(dir, () => false),
          idleTimeoutMinutes: () => 240,
        });
        const checks: (Check & { id: string })[] = [];
        for (const script of scripts) {
          const playbooks = opened.knowledge.service.content();
          const alone = await play(service, playbooks, script, false);
          const picking = await play(service, playbooks, script, true);
          const run: Run = {
            ...picking,
            engineAlone: alone.afterCustomer.map((s) => s.intent?.id ?? null),
            engineAloneReplies: alone.afterCustomer.map((s) => s.replies),
          };
          checks.push(...scoreRun(script, run).map((c) => ({ ...c, id: script.id })));
        }
        service.close();
        return [report(scripts, checks), heldOutTicks(opened.knowledge.service.content())].join(
          '\n\n',
        );
      } finally {
        await opened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Feeds one script to the service and keeps what the engine showed. With `picks`, the agent
 * picks the expected intent with one key whenever the engine offers it among the candidates
 * without showing it.
 */
async function play(
  service: AssistService,
  playbooks: readonly PackPlaybook[],
  script: Script,
  picks: boolean,
): Promise<Omit<Run, 'engineAlone' | 'engineAloneReplies'>> {
  service.start();
  const afterCustomer: Run['afterCustomer'][number][] = [];
  const wanted = script.turns.flatMap((t) => ('c' in t ? [t.intent] : []));
  for (const turn of scriptTurns(script)) {
    await service.addTurn({ ...turn, source: 'typed' });
    const shown = service.getState().suggestions;
    if (turn.role === 'customer' && shown) {
      afterCustomer.push({
        intent: shown.intent,
        candidates: shown.candidates,
        replies: shown.replies,
      });
      const want = wanted[afterCustomer.length - 1];
      const offered = shown.candidates.some((c) => c.id === want);
      if (picks && want && shown.intent?.id !== want && offered) await service.pickIntent(want);
    }
  }
  const state = service.getState();
  const expected = script.turns.flatMap((t) => ('c' in t && t.intent ? [t.intent] : [])).at(-1);
  const playbook = expected
    ? playbooks.flatMap((p) => p.intents).find((i) => i.id === expected)
    : undefined;
  const turns = state.conversation?.turns ?? [];
  const handoff = service.handoff();
  service.end();
  return {
    afterCustomer,
    flags: state.suggestions?.escalation ?? [],
    steps: checklist(playbook ?? null, turns, new Map()),
    issue: handoff.summary.issueStatement,
  };
}

/** ABCD's sample dialogues: ../shared/data/abcd/abcd_sample.json (never copied here). */
const ABCD_SAMPLE = join(root, '..', 'shared', 'data', 'abcd', 'abcd_sample.json');

interface AbcdDialogue {
  convo_id: number;
  scenario: { flow: string; subflow: string };
  original: [string, string][];
  delexed: { speaker: string; targets: [string, string, string, unknown] }[];
}

/**
 * The tick rules held out: ABCD's own sample dialogues, whose action lines name the playbook
 * step the agent clicked (the pack's step ids are ABCD's button names). The checklist reads the
 * text turns only; a step the agent clicked should end done or suggested, a step of the
 * playbook never clicked should stay open (steps with no button, like the wrap-up question,
 * are left out).
 */
function heldOutTicks(playbooks: readonly PackPlaybook[]): string {
  if (!existsSync(ABCD_SAMPLE))
    return `Held out (ABCD sample dialogues): skipped, ${ABCD_SAMPLE} is missing.`;
  const dialogues = JSON.parse(readFileSync(ABCD_SAMPLE, 'utf8')) as AbcdDialogue[];
  const intents = playbooks.flatMap((p) => p.intents);
  let clicked = 0;
  let clickedTicked = 0;
  let unclicked = 0;
  let unclickedOpen = 0;
  const misses: string[] = [];
  for (const d of dialogues) {
    const intent = intents.find(
      (i) => i.id === `${d.scenario.flow}.${d.scenario.subflow.replace(/_\d+$/, '')}`,
    );
    if (!intent) continue;
    const turns = d.original
      .filter(([speaker]) => speaker === 'agent' || speaker === 'customer')
      .map(([speaker, text]) => ({ role: speaker as 'agent' | 'customer', text }));
    const buttons = new Set(
      d.delexed.filter((t) => t.speaker === 'action').map((t) => t.targets[2]),
    );
    for (const step of checklist(intent, turns, new Map())) {
      if (step.id === 'wrap-up') continue;
      const ticked = step.done || !!step.suggested;
      if (buttons.has(step.id)) {
        clicked++;
        if (ticked) clickedTicked++;
        else misses.push(`${d.convo_id} ${step.id}: clicked, left open`);
      } else {
        unclicked++;
        if (!ticked) unclickedOpen++;
        else
          misses.push(
            `${d.convo_id} ${step.id}: never clicked, ${step.done ? 'done' : 'suggested'}`,
          );
      }
    }
  }
  const rate = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(3));
  return [
    `Held out: ABCD's ${dialogues.length} sample dialogues (../shared/data/abcd/abcd_sample.json), ticks against the steps the agent clicked:`,
    '',
    '| property | pass rate | passed / checked |',
    '| --- | --- | --- |',
    `| clicked step ticked (done or suggested) | ${rate(clickedTicked, clicked)} | ${clickedTicked} / ${clicked} |`,
    `| step never clicked left open | ${rate(unclickedOpen, unclicked)} | ${unclickedOpen} / ${unclicked} |`,
    ...(misses.length > 0 ? ['', ...misses.map((m) => `- ${m}`)] : []),
  ].join('\n');
}

function report(scripts: readonly Script[], checks: readonly (Check & { id: string })[]): string {
  const customerTurns = scripts.reduce((n, s) => n + s.turns.filter((t) => 'c' in t).length, 0);
  const rows = passRates(checks).map(
    ({ property, passed, total }) =>
      `| ${property} | ${total === 0 ? '–' : (passed / total).toFixed(3)} | ${passed} / ${total} |`,
  );
  const failures = checks.filter((c) => !c.pass);
  return [
    `${scripts.length} scripted conversations (${customerTurns} customer turns) over packs/acme-retail, written from ABCD's guidelines (eval/conversations/acme-retail.yaml); lexical search. Each runs twice: the engine alone, and with the agent picking the expected intent with one key when it is among the candidates (flags, ticks and the handoff come from that run; replies are checked in both); ticks on the expected intent's checklist.`,
    '',
    '| property | pass rate | passed / checked |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Failures (${failures.length}${failures.length > SHOWN_FAILURES ? `, first ${SHOWN_FAILURES}` : ''}):`,
    ...failures.slice(0, SHOWN_FAILURES).map((f) => `- ${f.id} · ${f.property}: ${f.detail}`),
  ].join('\n');
}
