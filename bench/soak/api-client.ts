/**
 * The soak's side of the `inloop serve` API: a WebSocket client as the screen connects (the
 * launch token, the served origin), one request at a time per caller, events to listeners.
 * Every failed request is kept, with its channel and message, for the verdict.
 */
import { WebSocket } from 'ws';
import { TOKEN_PARAM, WS_PATH, type ServerMessage } from '../../shared/ws-protocol';
import type { Result } from '../../shared/result';

type Listener = (payload: unknown) => void;

export class ApiClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Map<string, Set<Listener>>();
  requests = 0;
  readonly failures: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'response') {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.result as Result<unknown>);
      } else {
        for (const listener of this.listeners.get(message.event) ?? []) listener(message.payload);
      }
    });
    socket.on('close', () => {
      for (const settle of this.pending.values()) {
        settle({ ok: false, error: { code: 'unavailable', message: 'the socket closed' } });
      }
      this.pending.clear();
    });
  }

  /** Connects to the API of the host at `appUrl` (the URL `inloop serve` prints). */
  static async connect(appUrl: string): Promise<ApiClient> {
    const url = new URL(appUrl);
    const token = url.searchParams.get(TOKEN_PARAM) ?? '';
    const socket = new WebSocket(
      `ws://${url.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
      { origin: url.origin },
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new ApiClient(socket);
  }

  /** Sends a request; a failure is recorded (and returned), never thrown. */
  request(channel: string, payload?: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    this.requests++;
    return new Promise((resolve) => {
      this.pending.set(id, (result) => {
        if (!result.ok)
          this.failures.push(`${channel}: ${result.error.code}: ${result.error.message}`);
        resolve(result);
      });
      this.socket.send(JSON.stringify({ type: 'request', id, channel, payload }));
    });
  }

  /** The value of a request that must succeed (a failure is recorded, then thrown). */
  async value<T>(channel: string, payload?: unknown): Promise<T> {
    const result = await this.request(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  }

  on(event: string, listener: Listener): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}
