/**
 * The opt-in clipboard watch (settings.assist.clipboardWatch): while on, polls the clipboard
 * and adds text the agent copies (the customer's message, from the helpdesk) as a customer
 * turn with source 'clipboard'. Text already on the clipboard when the watch starts, text
 * Inloop itself put there (a copied reply), and blank or oversized text are not turns.
 */
import type { Settings } from '../../../shared/schemas/settings';
import type { TurnSink } from './turn-sink';

/** The part of Electron's `clipboard` the watch reads. */
export interface ClipboardLike {
  /** Sync in older Electron, a promise in current Electron. */
  readText(): string | Promise<string>;
}

export interface ClipboardWatchOptions {
  clipboard: ClipboardLike;
  sink: TurnSink;
  settings: () => Pick<Settings, 'assist'>;
  /** Texts Inloop wrote itself (copied suggestions): never taken back as turns. */
  ownTexts?: () => readonly string[];
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export const CLIPBOARD_POLL_MS = 800;
const MAX_TURN_CHARS = 20_000;

export interface ClipboardWatch {
  /** Reads the clipboard once (the timer calls it); resolves when a turn was added. */
  poll(): Promise<boolean>;
  stop(): void;
}

export function startClipboardWatch(options: ClipboardWatchOptions): ClipboardWatch {
  let last: string | null = null;
  let wasOn = false;
  const poll = async (): Promise<boolean> => {
    const on = options.settings().assist.clipboardWatch;
    const text = await read(options.clipboard);
    if (!on) {
      wasOn = false;
      return false;
    }
    if (!wasOn) {
      // What was copied before the agent switched the watch on is not part of this call.
      wasOn = true;
      last = text;
      return false;
    }
    if (text === last) return false;
    last = text;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.length > MAX_TURN_CHARS) return false;
    if (options.ownTexts?.().some((own) => own.trim() === trimmed)) return false;
    await options.sink.addTurn({ role: 'customer', text: trimmed, source: 'clipboard' });
    return true;
  };
  const timer = setInterval(() => {
    poll().catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? CLIPBOARD_POLL_MS);
  timer.unref?.();
  return { poll, stop: () => clearInterval(timer) };
}

async function read(clipboard: ClipboardLike): Promise<string> {
  try {
    return await clipboard.readText();
  } catch {
    return '';
  }
}
