/**
 * The call: the speech service's state, the live transcript of both speakers, the capture
 * channels (levels, problems with their fix, the device lists) and the actions that start
 * and stop a call and correct a final. Capture itself lives in `audio/call-capture.ts`.
 */
import type { InloopApi } from '../../../shared/api';
import type { Speaker, SpeechState, TranscriptSegment } from '../../../shared/schemas/speech';
import { encodePcm16 } from '../../../shared/speech/pcm16';
import { mergeSegment } from '../../../shared/speech/transcript';
import type { CaptureProblem } from '../audio/capture-problems';
import { CallCapture, listInputDevices, type CustomerSource } from '../audio/call-capture';
import type { SliceCreator } from './store';

export type CallStatus = 'off' | 'starting' | 'on';

export interface InputDevice {
  readonly deviceId: string;
  readonly label: string;
}

export interface SpeechSlice {
  speech: SpeechState | null;
  transcript: TranscriptSegment[];
  callStatus: CallStatus;
  levels: Record<Speaker, number>;
  captureProblems: Partial<Record<Speaker, CaptureProblem>>;
  inputDevices: InputDevice[];
  customerSource: CustomerSource;
  setSpeechState(state: SpeechState): void;
  /** Load the service's state (start-up, reconnect); a failure shows in the panel, not as a notice. */
  loadSpeech(): Promise<void>;
  applySegment(segment: TranscriptSegment): void;
  /** Start the speech service and open both channels. */
  startCall(): Promise<void>;
  stopCall(): Promise<void>;
  /** Correct a final segment (recorded as feedback by the service). */
  editSegment(id: string, text: string): Promise<void>;
  loadInputDevices(): Promise<void>;
  /** The agent's microphone, kept in settings (null: the system default). */
  pickMicrophone(deviceId: string | null): Promise<void>;
  pickCustomerSource(source: CustomerSource): void;
}

export const createSpeechSlice =
  (api: InloopApi): SliceCreator<SpeechSlice> =>
  (set, get) => {
    let capture: CallCapture | null = null;
    const seq: Record<Speaker, number> = { agent: 0, customer: 0 };
    const setProblem = (speaker: Speaker, problem: CaptureProblem | null) =>
      set((s) => {
        const next = { ...s.captureProblems };
        if (problem) next[speaker] = problem;
        else delete next[speaker];
        return { captureProblems: next };
      });

    return {
      speech: null,
      transcript: [],
      callStatus: 'off',
      levels: { agent: 0, customer: 0 },
      captureProblems: {},
      inputDevices: [],
      customerSource: { kind: 'none' },
      setSpeechState: (speech) => {
        set({ speech });
        // The model could not load: the service ended the session, so stop capturing too.
        if (speech.status === 'error' && get().callStatus !== 'off') void get().stopCall();
      },
      loadSpeech: async () => {
        const result = await api.speech.getState();
        set({
          speech: result.ok
            ? result.value
            : { status: 'error', model: null, message: result.error.message, droppedPartials: 0 },
        });
      },
      applySegment: (segment) => set((s) => ({ transcript: mergeSegment(s.transcript, segment) })),

      startCall: async () => {
        if (get().callStatus !== 'off') return;
        set({ callStatus: 'starting', captureProblems: {}, transcript: [] });
        const started = await api.speech.start();
        if (!started.ok) {
          set({ callStatus: 'off' });
          get().reportError('start transcription', started.error);
          return;
        }
        set({ speech: started.value });
        seq.agent = 0;
        seq.customer = 0;
        try {
          capture = await CallCapture.open(
            {
              microphoneId: get().settings?.speech.microphoneId ?? null,
              customer: get().customerSource,
            },
            {
              frame: (speaker, samples) =>
                void api.speech.pushAudio({
                  speaker,
                  seq: seq[speaker]++,
                  pcm16: encodePcm16(samples),
                }),
              level: (speaker, level) =>
                set((s) => ({ levels: { ...s.levels, [speaker]: level } })),
              problem: setProblem,
            },
          );
        } catch (error) {
          setProblem('agent', {
            speaker: 'agent',
            kind: 'failed',
            message: `Audio capture could not start: ${error instanceof Error ? error.message : String(error)}.`,
            fix: 'Reload the window; if it persists, run `inloop doctor`.',
          });
          await api.speech.stop();
          set({ callStatus: 'off' });
          return;
        }
        set({ callStatus: 'on' });
        // Labels are only readable once a permission was granted.
        void get().loadInputDevices();
      },

      stopCall: async () => {
        const open = capture;
        capture = null;
        set({ callStatus: 'off', levels: { agent: 0, customer: 0 } });
        await open?.close();
        const stopped = await api.speech.stop();
        if (stopped.ok) set({ speech: stopped.value });
        else get().reportError('stop transcription', stopped.error);
      },

      editSegment: async (id, text) => {
        const result = await api.speech.editSegment({ id, text });
        if (result.ok) get().applySegment(result.value);
        else get().reportError('correct the transcript', result.error);
      },

      loadInputDevices: async () => {
        try {
          set({ inputDevices: await listInputDevices() });
        } catch {
          set({ inputDevices: [] });
        }
      },

      pickMicrophone: async (microphoneId) => {
        await get().updateSettings({ speech: { microphoneId } });
      },

      pickCustomerSource: (customerSource) => set({ customerSource }),
    };
  };
