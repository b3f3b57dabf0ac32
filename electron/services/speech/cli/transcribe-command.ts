import { SpeakerSchema } from '../../../../shared/schemas/speech';
import { asrModelId, createWorkerAsrEngine } from '../asr-engine';
import { readWavFile, transcribeAudio, type FileSegment } from '../transcribe-file';
import { modelsDirFor } from '../../core/cli/cli-context';
import { EXIT_OK, UsageError, type Command } from '../../core/cli/command';
import { stringOption } from '../../core/cli/option-values';

const clock = (seconds: number) => {
  const m = Math.floor(seconds / 60);
  return `${m}:${(seconds - m * 60).toFixed(2).padStart(5, '0')}`;
};

/** One segment a line: `[0:01.20 → 0:03.40] customer: text`. */
export function formatSegment(segment: FileSegment): string {
  return `[${clock(segment.start)} → ${clock(segment.end)}] ${segment.speaker}: ${segment.text}`;
}

export const transcribeCommand: Command = {
  name: 'transcribe',
  summary: 'Transcribe a call recording (WAV; stereo: left agent, right customer) on the device',
  usage: 'transcribe <file.wav> [--json] [--speaker agent|customer]',
  positionals: [1, 1],
  options: {
    json: {
      type: 'boolean',
      description: 'One JSON object a segment: {speaker, start, end, text}',
    },
    speaker: {
      type: 'string',
      value: '<who>',
      description: 'Who a mono file is: agent or customer (default customer)',
    },
  },
  async run(args, io) {
    const speaker = SpeakerSchema.safeParse(stringOption(args, 'speaker') ?? 'customer');
    if (!speaker.success) throw new UsageError('--speaker must be agent or customer');
    const audio = await readWavFile(args.positionals[0]!);
    const modelsDir = modelsDirFor(io);
    const modelId = asrModelId(io.env);
    const segments = await transcribeAudio(audio, {
      modelId,
      monoSpeaker: speaker.data,
      createEngine: () => createWorkerAsrEngine({ modelsDir, modelId }),
    });
    for (const segment of segments) {
      io.stdout(`${args.values.json ? JSON.stringify(segment) : formatSegment(segment)}\n`);
    }
    return EXIT_OK;
  },
};
