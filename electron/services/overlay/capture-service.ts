/**
 * Capture state (idle, listening, paused) shown in the header and the tray. The speech
 * pipeline drives `listening`; the agent pauses and resumes from the UI, tray or hotkey.
 */
import type { CaptureState } from '../../../shared/schemas/overlay';
import type { EventBus } from '../core/event-bus';

export class CaptureService {
  private state: CaptureState = { state: 'idle' };
  private paused = false;
  private active = false;

  constructor(private readonly bus: EventBus) {}

  getState(): CaptureState {
    return this.state;
  }

  setPaused(paused: boolean): CaptureState {
    this.paused = paused;
    return this.publish();
  }

  togglePaused(): CaptureState {
    return this.setPaused(!this.paused);
  }

  /** Called by the speech pipeline when audio starts or stops flowing. */
  setActive(active: boolean): CaptureState {
    this.active = active;
    return this.publish();
  }

  private publish(): CaptureState {
    const next: CaptureState = {
      state: this.paused ? 'paused' : this.active ? 'listening' : 'idle',
    };
    if (next.state !== this.state.state) {
      this.state = next;
      this.bus.emit('capture:state', next);
    }
    return this.state;
  }
}
