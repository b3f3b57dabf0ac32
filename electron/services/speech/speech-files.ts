/**
 * What speech writes to the data folder, and only there: the agent's transcript corrections
 * (feedback, JSONL, rotated within the privacy limits) and, when `settings.speech.saveAudio`
 * is on, each utterance as a WAV.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SPEECH_SAMPLE_RATE, type TranscriptSegment } from '../../../shared/schemas/speech';
import { encodeWav } from '../../../shared/speech/wav';
import { writeFileAtomic } from '../core/atomic-file';
import { RotatingLog, type LogLimits } from '../core/rotating-log';

/** The correction log, one JSON object a line. */
export const CORRECTIONS_FILE = 'speech-corrections.jsonl';
/** Saved utterances, `<segment id>.wav`, only with saveAudio on. */
export const AUDIO_FOLDER = 'call-audio';

/** The correction log of `dataDir`. */
export function correctionLog(dataDir: string, limits: () => LogLimits): RotatingLog {
  return new RotatingLog(join(dataDir, CORRECTIONS_FILE), limits);
}

/** Append one correction of a final segment to the log. */
export async function recordCorrection(
  log: RotatingLog,
  segment: TranscriptSegment,
  corrected: string,
): Promise<void> {
  const line = {
    at: new Date().toISOString(),
    kind: 'transcript-correction',
    segmentId: segment.id,
    speaker: segment.speaker,
    start: segment.start,
    end: segment.end,
    recognised: segment.text,
    corrected,
  };
  await log.append(JSON.stringify(line));
}

/** Write one utterance as a 16 kHz mono WAV. */
export async function saveUtteranceAudio(
  dataDir: string,
  segmentId: string,
  audio: Float32Array,
): Promise<void> {
  const folder = join(dataDir, AUDIO_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(folder, `${segmentId}.wav`), encodeWav(SPEECH_SAMPLE_RATE, [audio]));
}
