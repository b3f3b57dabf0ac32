/**
 * An OpenAI-compatible `/chat/completions` call with `stream: true`: reads the server-sent
 * events (`data: {choices:[{delta:{content}}]}` lines, ended by `data: [DONE]`) and hands
 * each piece of text to `onText`. Cancellable through `signal`; the caller sets the timeout.
 */
import { AppError } from '../../../../shared/result';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatRequest {
  readonly url: URL;
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly apiKey: string | null;
  readonly signal: AbortSignal;
  onText(text: string): void;
}

/** Streams the reply; resolves with the whole text. */
export async function streamChat(request: ChatRequest): Promise<string> {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
    },
    body: JSON.stringify({ model: request.model, messages: request.messages, stream: true }),
    signal: request.signal,
  });
  if (!response.ok || !response.body) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new AppError(
      'unavailable',
      `The generation endpoint answered ${response.status}${detail ? `: ${detail}` : ''}`,
    );
  }
  let whole = '';
  let pending = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const piece = sseText(line);
      if (piece === 'done') return whole;
      if (piece) {
        whole += piece;
        request.onText(piece);
      }
    }
  }
  return whole;
}

/** The text a `data:` line carries, 'done' for `[DONE]`, null for anything else. */
export function sseText(line: string): string | 'done' | null {
  if (!line.startsWith('data:')) return null;
  const data = line.slice(5).trim();
  if (data === '[DONE]') return 'done';
  try {
    const event = JSON.parse(data) as { choices?: { delta?: { content?: unknown } }[] };
    const content = event.choices?.[0]?.delta?.content;
    return typeof content === 'string' && content !== '' ? content : null;
  } catch {
    return null;
  }
}
