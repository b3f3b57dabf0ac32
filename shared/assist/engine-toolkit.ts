/**
 * The real pure functions behind the engine's `AssistToolkit` seam: PII redaction, intent,
 * sentiment, escalation and entities (assist-nlp), replies, checklist and summaries
 * (assist-suggest). Hosts, the CLI, the benchmark and the tests all use `assistToolkit`.
 */
import type { AssistToolkit } from './engine';
import { extractEntities } from './entities';
import { escalationFlags } from './escalation/escalation-flags';
import { detectIntent } from './intent/detect-intent';
import { buildIntentModel, type IntentModel } from './intent/intent-model';
import { checklist } from './next-actions';
import { redact } from './pii/redact';
import { suggestReplies } from './replies';
import { scoreSentiment } from './sentiment/score-sentiment';
import { sentimentTrend } from './sentiment/sentiment-trend';
import { handoffSummary, liveGist, summaryAsText } from './summary';

export const assistToolkit: AssistToolkit<IntentModel> = {
  redact: (text) => redact(text).text,
  buildIntentModel: (intents) => buildIntentModel(intents),
  detectIntent: (model, turns) => detectIntent(model, turns),
  scoreSentiment: (text) => scoreSentiment(text),
  sentimentTrend: (scores) => sentimentTrend(scores),
  escalationFlags: (turns, context) => escalationFlags(turns, context),
  extractEntities: (turns) => extractEntities(turns),
  suggestReplies: (input) => suggestReplies(input),
  checklist: (intent, turns, manual) => checklist(intent, turns, manual),
  liveGist: (turns) => liveGist(turns),
  handoffSummary: (input) =>
    handoffSummary({
      turns: input.turns,
      entities: input.assist.summary.entities ?? [],
      intent: input.assist.intent,
      nextActions: input.assist.nextActions,
      articlesUsed: input.articlesUsed,
      repliesUsed: input.repliesUsed,
      sentiment: input.assist.sentiment,
      escalation: input.assist.escalation,
    }),
  summaryAsText: (summary) => summaryAsText(summary),
};
