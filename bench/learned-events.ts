/**
 * A device that has learned from many decisions, for the cost measurements (`bench assist`
 * with learning, the learned-state size of `eval loop`): `count` decisions fed through the
 * learning service's own `observe`, as the feedback log would record them, over real
 * conversations and the cards search showed for them. Each decision is its own conversation;
 * 80 % use a card (at a spread of positions), 10 % dismiss one, 5 % pick an intent and 5 % send
 * a reply (a third of them rewritten the same way).
 */
import type { LearningService } from '../electron/services/learning/learning-service';
import type { SearchHit } from '../shared/schemas/knowledge';
import { seededRandom } from '../shared/seeded-random';

/** A conversation and the cards it was shown. */
export interface ShownConversation {
  readonly turns: readonly { readonly role: 'customer' | 'agent'; readonly text: string }[];
  readonly cards: readonly SearchHit[];
}

export interface LearnedLoad {
  readonly intents?: readonly string[];
  readonly replies?: readonly string[];
}

/** Feeds `count` decisions into `learning`; resolves once they are saved. */
export async function learnDecisions(
  learning: LearningService,
  shown: readonly ShownConversation[],
  count: number,
  load: LearnedLoad = {},
  seed = 11,
): Promise<void> {
  const random = seededRandom(seed);
  const usable = shown.filter((s) => s.cards.length > 0);
  let at = Date.parse('2026-10-01T08:00:00Z');
  for (let i = 0; i < count; i++) {
    const s = usable[i % usable.length]!;
    const conversationId = `bench-${i}`;
    at += 45_000;
    const suggestions = {
      intent: null,
      articles: s.cards,
      replies: (load.replies ?? []).slice(0, 3).map((id) => ({ id, source: 'canned' })),
      escalation: [],
    };
    const context = { turns: s.turns, suggestions };
    const base = { at, conversationId };
    learning.observe({ ...base, kind: 'assessed', escalations: [] }, context);
    const roll = random();
    const position = Math.min(s.cards.length - 1, Math.floor(random() * random() * 5));
    const card = s.cards[position]!;
    if (roll < 0.8) {
      learning.observe(
        { ...base, kind: 'copied', target: 'article', id: card.articleId, position },
        context,
      );
    } else if (roll < 0.9) {
      learning.observe(
        { ...base, kind: 'dismissed', target: 'article', id: card.articleId, position },
        context,
      );
    } else if (roll < 0.95 && load.intents?.length) {
      const id = load.intents[Math.floor(random() * load.intents.length)]!;
      learning.observe({ ...base, kind: 'picked', target: 'intent', id }, context);
    } else if (load.replies?.length) {
      const id = load.replies[Math.floor(random() * Math.min(3, load.replies.length))]!;
      learning.observe({ ...base, kind: 'copied', target: 'reply', id }, context);
      const rewritten = random() < 0.33;
      learning.observe(
        {
          ...base,
          kind: 'edited',
          id,
          ratio: rewritten ? 0.3 : 0,
          ...(rewritten ? { text: 'Thanks for waiting, I have sorted this out for you.' } : {}),
        },
        context,
      );
    }
  }
  await learning.flush();
}
