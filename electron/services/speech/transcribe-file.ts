/**
 * Transcribe a recorded call: the WAV is decoded, each channel resampled to 16 kHz and run
 * through the same speech pipeline as a live call (VAD, per-speaker workers), finals only.
 * Stereo: channel 0 is the agent, channel 1 the customer; mono is one speaker.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/result';
import {
  SPEECH_SAMPLE_RATE,
  type Speaker,
  type TranscriptSegment,
} from '../../../shared/schemas/speech';
import { resample } from '../../../shared/speech/resample';
import { parseWav, type DecodedAudio } from '../../../shared/speech/wav';
import { EventBus } from '../core/event-bus';
import type { AsrEngine } from './asr-engine';
import { SpeechService } from './speech-service';

/** A final segment as `inloop transcribe` prints it. */
export interface FileSegment {
  readonly speaker: Speaker;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface TranscribeFileOptions {
  readonly modelId: string;
  readonly createEngine: (speaker: Speaker) => AsrEngine;
  /** Who a mono file is (default customer). */
  readonly monoSpeaker?: Speaker;
}

/** Read and decode a WAV file, with a clear error when it is missing or unreadable. */
export async function readWavFile(path: string): Promise<DecodedAudio> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      error.code === 'ENOENT' ? 'not_found' : 'unavailable',
      `Cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`,
    );
  });
  try {
    return parseWav(bytes);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${path}: ${error.message}`);
    throw error;
  }
}

/** The final segments of decoded audio, in time order. */
export async function transcribeAudio(
  audio: DecodedAudio,
  options: TranscribeFileOptions,
): Promise<FileSegment[]> {
  const speakers: Speaker[] =
    audio.channels.length === 2 ? ['agent', 'customer'] : [options.monoSpeaker ?? 'customer'];
  const finals: TranscriptSegment[] = [];
  const speech = new SpeechService({
    bus: new EventBus(),
    turns: { addTurn: async () => undefined },
    modelId: options.modelId,
    createEngine: options.createEngine,
    partials: false,
    speakers,
    onSegment: (segment) => {
      if (segment.final) finals.push(segment);
    },
  });
  try {
    await speech.start();
    await speech.ready();
    speakers.forEach((speaker, c) => {
      speech.pushSamples(
        speaker,
        resample(audio.channels[c]!, audio.sampleRate, SPEECH_SAMPLE_RATE),
      );
    });
    await speech.stop();
  } finally {
    await speech.close();
  }
  return finals
    .sort((a, b) => a.start - b.start || a.speaker.localeCompare(b.speaker))
    .map(({ speaker, start, end, text }) => ({
      speaker,
      start: round(start),
      end: round(end),
      text,
    }));
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;
