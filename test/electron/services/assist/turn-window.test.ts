/**
 * Issue 16, item 3: a long conversation costs the same per turn as a short one, and one
 * conversation cannot grow without bound. The engine works on a window of the conversation
 * (its opening and its newest turns); what it found before the window (an escalation flag,
 * an order number) stays on screen; past the cap a turn is refused with a clear message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createIndexKnowledge,
  type AssistKnowledge,
} from '../../../../electron/services/assist/assist-knowledge';
import { AssistService } from '../../../../electron/services/assist/assist-service';
import { FeedbackLog } from '../../../../electron/services/assist/feedback-log';
import {
  OPENING_TURNS,
  TURN_WINDOW,
  turnWindow,
} from '../../../../electron/services/assist/turn-window';
import { EventBus } from '../../../../electron/services/core/event-bus';
import type { QueryTurn } from '../../../../shared/schemas/knowledge';
import { retailPack } from './fixture-pack';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real in-memory knowledge, recording how many turns each search was given. */
function recordingKnowledge(): { knowledge: AssistKnowledge; searched: number[] } {
  const real = createIndexKnowledge([retailPack]);
  const searched: number[] = [];
  return {
    searched,
    knowledge: {
      content: () => real.content(),
      searchTurns: (turns: readonly QueryTurn[], k: number) => {
        searched.push(turns.length);
        return real.searchTurns(turns, k);
      },
    },
  };
}

function makeService(knowledge: AssistKnowledge, maxTurns?: number) {
  return new AssistService({
    bus: new EventBus(),
    knowledge,
    feedback: FeedbackLog.in(dir, () => false),
    idleTimeoutMinutes: () => 240,
    ...(maxTurns === undefined ? {} : { maxTurns }),
  });
}

const chatter = (i: number) =>
  i % 2 === 0
    ? {
        role: 'customer' as const,
        text: `Is there any news on that, question ${i}?`,
        source: 'ingest' as const,
      }
    : { role: 'agent' as const, text: `Still checking, update ${i}.`, source: 'ingest' as const };

describe('the per-turn window', () => {
  it('keeps the opening and the newest turns, with their conversation indexes', () => {
    const turns = Array.from({ length: 300 }, (_, index) => ({ index }));
    const window = turnWindow(turns);
    expect(window).toHaveLength(TURN_WINDOW);
    expect(window.slice(0, OPENING_TURNS).map((t) => t.index)).toEqual([0, 1, 2, 3]);
    expect(window.at(-1)!.index).toBe(299);
    expect(turnWindow(turns.slice(0, 10))).toHaveLength(10);
  });

  it('bounds what each turn searches, and keeps what was found before the window', async () => {
    const { knowledge, searched } = recordingKnowledge();
    const service = makeService(knowledge);
    await service.addTurn({
      role: 'customer',
      text: 'My order 12345678 never came. I will file a chargeback and call my lawyer.',
      source: 'ingest',
    });
    for (let i = 1; i < 3 * TURN_WINDOW; i++) await service.addTurn(chatter(i));
    expect(Math.max(...searched)).toBeLessThanOrEqual(TURN_WINDOW);
    const state = service.getState();
    expect(state.conversation!.turns).toHaveLength(3 * TURN_WINDOW);
    const flags = state.suggestions!.escalation;
    expect(flags).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'Chargeback threat', turn: 0 })]),
    );
    expect(state.suggestions!.summary.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '12345678', turn: 0 })]),
    );
  });

  it('keeps a flag the agent dismissed dismissed, even once the window has passed it', async () => {
    const service = makeService(createIndexKnowledge([retailPack]));
    await service.addTurn({
      role: 'customer',
      text: 'I will file a chargeback and call my lawyer.',
      source: 'ingest',
    });
    for (let i = 1; i < 2 * TURN_WINDOW; i++) await service.addTurn(chatter(i));
    const flag = service
      .getState()
      .suggestions!.escalation.find((f) => f.reason === 'Chargeback threat')!;
    expect(flag.turn).toBe(0);
    await service.dismissFlag(flag.ruleId!);
    await service.addTurn(chatter(2 * TURN_WINDOW));
    const reasons = service.getState().suggestions!.escalation.map((f) => f.reason);
    expect(reasons).not.toContain('Chargeback threat');
  });

  it('refuses the turn past the cap with a clear message, and a new conversation starts afresh', async () => {
    // The default cap (MAX_CONVERSATION_TURNS, 2,000) through the ingest: ingest-server.test.ts.
    const cap = 40;
    const service = makeService(createIndexKnowledge([retailPack]), cap);
    for (let i = 0; i < cap; i++) await service.addTurn(chatter(i));
    await expect(service.addTurn(chatter(1))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`${cap} turns`),
    });
    expect(service.getState().conversation!.turns).toHaveLength(cap);
    service.start();
    await service.addTurn(chatter(0));
    expect(service.getState().conversation!.turns).toHaveLength(1);
  });
});
