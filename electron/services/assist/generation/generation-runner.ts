/**
 * The optional generated reply: builds a grounded prompt from the (redacted) conversation and
 * the cited passages, streams it from the configured endpoint when settings allow, and
 * publishes its progress as `assist:generation` and keeps it in the assist state. One at a time; a new
 * one or `cancel()` stops the previous. Without an endpoint everything else works as before.
 */
import { AppError } from '../../../../shared/result';
import type { GenerationState } from '../../../../shared/schemas/assist';
import type { SearchHit } from '../../../../shared/schemas/knowledge';
import type { Settings } from '../../../../shared/schemas/settings';
import type { EventBus } from '../../core/event-bus';
import type { SecretStore } from '../../secrets/secret-store';
import type { AssistService } from '../assist-service';
import { streamChat, type ChatMessage } from './chat-stream';
import { chatCompletionsUrl, checkEndpoint } from './endpoint-policy';

export interface GenerationRunnerOptions {
  bus: EventBus;
  assist: AssistService;
  secrets: SecretStore;
  settings: () => Settings;
  redact: (text: string) => string;
}

export class GenerationRunner {
  private current: AbortController | null = null;

  constructor(private readonly options: GenerationRunnerOptions) {}

  /** Starts a generated reply; throws `unavailable` with the reason when it may not. */
  async start(): Promise<{ started: boolean }> {
    const settings = this.options.settings();
    const verdict = checkEndpoint(settings);
    if (!verdict.ok) throw new AppError('unavailable', verdict.reason);
    const context = this.options.assist.generationContext();
    const turns = context.turns?.turns ?? [];
    if (!turns.some((t) => t.role === 'customer')) {
      throw new AppError('conflict', 'There is no customer turn to reply to yet.');
    }
    this.cancel();
    const controller = new AbortController();
    this.current = controller;
    const apiKey = (await this.options.secrets.available().catch(() => false))
      ? await this.options.secrets.get('llm-api-key')
      : null;
    const citations = context.hits
      .slice(0, 3)
      .map(({ articleId, title, packId }) => ({ articleId, title, packId }));
    let state: GenerationState = {
      conversationId: context.conversationId,
      status: 'streaming',
      text: '',
      citations,
    };
    const publish = (next: GenerationState) => {
      // A superseded run stays quiet; a cancelled one still reports that it stopped.
      const mine = this.current === controller;
      if (!mine && (this.current !== null || next.status === 'streaming')) return;
      state = next;
      this.options.bus.emit('assist:generation', next);
      this.options.assist.setGeneration(next);
    };
    publish(state);
    const timeout = setTimeout(
      () => controller.abort(new Error('timeout')),
      settings.assist.generationTimeoutSeconds * 1000,
    );
    streamChat({
      url: chatCompletionsUrl(verdict.url),
      model: settings.assist.generationModel,
      messages: promptFor(turns, context.hits, this.options.redact),
      apiKey,
      signal: controller.signal,
      onText: (piece) => publish({ ...state, text: state.text + piece }),
    })
      .then(() => publish({ ...state, status: 'done' }))
      .catch((error: unknown) => {
        const reason = controller.signal.reason as unknown;
        if (
          controller.signal.aborted &&
          !(reason instanceof Error && reason.message === 'timeout')
        ) {
          publish({ ...state, status: 'cancelled' });
        } else {
          const message = controller.signal.aborted
            ? `No answer within ${settings.assist.generationTimeoutSeconds} s.`
            : error instanceof Error
              ? error.message
              : String(error);
          publish({ ...state, status: 'failed', error: message });
        }
      })
      .finally(() => {
        clearTimeout(timeout);
        if (this.current === controller) this.current = null;
      });
    return { started: true };
  }

  /** Stops the running generation; false when none runs. */
  cancel(): { cancelled: boolean } {
    const running = this.current;
    if (!running) return { cancelled: false };
    this.current = null;
    running.abort(new Error('cancelled'));
    return { cancelled: true };
  }
}

/** The grounded prompt: the cited passages, then the conversation, all redacted. */
export function promptFor(
  turns: readonly { role: 'customer' | 'agent'; text: string }[],
  hits: readonly SearchHit[],
  redact: (text: string) => string,
): ChatMessage[] {
  const sources = hits
    .slice(0, 3)
    .map((hit, i) => `[${i + 1}] ${hit.title}: ${redact(hit.passage)}`)
    .join('\n');
  const system =
    'You draft the next reply for a contact-centre agent, who reviews it before sending. ' +
    'Answer the customer briefly and politely, using only the knowledge below; if it does not ' +
    'cover the question, say what the agent should check. Keep masked tokens such as [email] as they are.\n\n' +
    `Knowledge:\n${sources || '(none)'}`;
  const conversation: ChatMessage[] = turns.slice(-12).map((turn) => ({
    role: turn.role === 'customer' ? 'user' : 'assistant',
    content: redact(turn.text),
  }));
  return [{ role: 'system', content: system }, ...conversation];
}
