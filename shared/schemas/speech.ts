/**
 * Call transcription across the boundary: audio frames the renderer captures and streams to
 * the speech service, and the transcript segments the service pushes back.
 *
 * The agent is the microphone channel, the customer the system-audio channel: two channels
 * give the speaker split without diarisation.
 */
import { z } from 'zod';

export const SpeakerSchema = z.enum(['agent', 'customer']);
export type Speaker = z.infer<typeof SpeakerSchema>;

/** The sample rate every frame is resampled to before it leaves the renderer. */
export const SPEECH_SAMPLE_RATE = 16_000;

/**
 * One frame of captured audio: 16 kHz mono signed 16-bit little-endian PCM, base64-encoded,
 * typically 100 ms (3,200 bytes). `seq` counts frames per speaker from 0, so the service can
 * tell a gap from a reorder.
 */
export const AudioFrameSchema = z
  .object({
    speaker: SpeakerSchema,
    seq: z.number().int().min(0),
    pcm16: z.base64().max(200_000),
  })
  .strict();
export type AudioFrame = z.infer<typeof AudioFrameSchema>;

/** A piece of the transcript. Partials are replaced by later partials and by their final. */
export const TranscriptSegmentSchema = z.object({
  /** Stable per utterance: a partial and its final share it. */
  id: z.string(),
  speaker: SpeakerSchema,
  /** Seconds from the start of the capture. */
  start: z.number().min(0),
  end: z.number().min(0),
  text: z.string(),
  final: z.boolean(),
  /** True when the agent corrected the text. */
  edited: z.boolean().optional(),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

/** What the speech service is doing, per speaker channel. */
export const SpeechStateSchema = z.object({
  status: z.enum(['idle', 'loading', 'listening', 'error']),
  /** The recognition model in use, or null before one is loaded. */
  model: z.string().nullable(),
  /** Why status is error (model missing, ...), with the fix. */
  message: z.string().nullable(),
  /** Partials dropped because recognition fell behind (finals are never dropped). */
  droppedPartials: z.number().int().min(0),
});
export type SpeechState = z.infer<typeof SpeechStateSchema>;

/** `speech:edit-segment`: the agent's correction of a final segment. */
export const EditSegmentRequestSchema = z
  .object({ id: z.string().min(1).max(200), text: z.string().trim().max(5_000) })
  .strict();
export type EditSegmentRequest = z.infer<typeof EditSegmentRequestSchema>;

/** `speech:push-audio`: false when the frame was a duplicate or capture is paused. */
export const PushAudioResultSchema = z.object({ accepted: z.boolean() });
