/**
 * The speaker channel's plumbing with a scripted engine (no model): speculative finals are
 * promoted without a second pass, shown as partials when the speaker goes on, and a running
 * partial is cancelled when a speculation or a final queues behind it.
 */
import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../../shared/schemas/speech';
import type { AsrEngine } from '../../../../electron/services/speech/asr-engine';
import type { AsrWorkerReply } from '../../../../electron/services/speech/asr-protocol';
import { SpeakerChannel } from '../../../../electron/services/speech/speaker-channel';

const RATE = 16_000;

/** An engine whose passes finish when the test says so. */
class ScriptedEngine implements AsrEngine {
  readonly modelId = 'scripted';
  readonly passes: { audio: Float32Array; finish: (reply: AsrWorkerReply) => void }[] = [];
  cancels = 0;
  load = async () => undefined;
  close = async () => undefined;
  transcribe(audio: Float32Array): Promise<AsrWorkerReply> {
    return new Promise((finish) => this.passes.push({ audio, finish }));
  }
  cancel(): void {
    this.cancels++;
    this.passes.at(-1)?.finish({ text: '', ms: 1, cancelled: true });
  }
  /** Finish pass `i` with `text`. */
  answer(i: number, text: string): void {
    this.passes[i]!.finish({ text, ms: 300 });
  }
}

const tone = (ms: number) =>
  Float32Array.from({ length: (ms / 1000) * RATE }, (_, i) => 0.3 * Math.sin(i / 3));
const silence = (ms: number) => new Float32Array((ms / 1000) * RATE);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function channel() {
  const engine = new ScriptedEngine();
  const shown: TranscriptSegment[] = [];
  let dropped = 0;
  const speaker = new SpeakerChannel(
    'customer',
    engine,
    { idPrefix: 't', partials: true, now: () => 0 },
    {
      segment: (segment) => shown.push(segment),
      dropped: (count) => (dropped += count),
      failed: (error) => {
        throw error;
      },
    },
  );
  return { engine, shown, speaker, dropped: () => dropped };
}

describe('speaker channel: speculative finals', () => {
  it('a pass started in the pause becomes the final, with no second pass', async () => {
    const { engine, shown, speaker } = channel();
    speaker.push(silence(300));
    speaker.push(tone(800));
    speaker.push(silence(200));
    await settle();
    expect(engine.passes.length).toBe(1); // started before the 400 ms hangover is over
    engine.answer(0, 'hello there');
    await settle();
    expect(shown.map((s) => s.final)).toEqual([false]); // shown at once, as a partial
    speaker.push(silence(300));
    await settle();
    expect(engine.passes.length).toBe(1);
    expect(shown.at(-1)).toMatchObject({ final: true, text: 'hello there' });
  });

  it('a pass still running when the utterance ends is the final once it finishes', async () => {
    const { engine, shown, speaker } = channel();
    speaker.push(silence(300));
    speaker.push(tone(800));
    speaker.push(silence(600));
    await settle();
    expect(engine.passes.length).toBe(1);
    engine.answer(0, 'on time');
    await settle();
    expect(shown).toMatchObject([{ final: true, text: 'on time' }]);
    await speaker.idle();
  });

  it('is only a partial when the speaker goes on; the final is a new pass over all of it', async () => {
    const { engine, shown, speaker } = channel();
    speaker.push(silence(300));
    speaker.push(tone(800));
    speaker.push(silence(200));
    speaker.push(tone(300)); // they go on before the hangover ends
    await settle();
    engine.answer(0, 'first half');
    await settle();
    expect(shown).toMatchObject([{ final: false, text: 'first half' }]);
    speaker.push(silence(600));
    await settle();
    expect(engine.passes.length).toBe(2);
    expect(engine.passes[1]!.audio.length).toBeGreaterThan(engine.passes[0]!.audio.length);
    engine.answer(1, 'first half and the rest');
    await settle();
    expect(shown.at(-1)).toMatchObject({ final: true, text: 'first half and the rest' });
  });

  it('cancels a running partial when the speaker pauses, so the final does not wait', async () => {
    const { engine, shown, speaker, dropped } = channel();
    speaker.push(silence(300));
    speaker.push(tone(1_500)); // a partial is due after a second of speech
    await settle();
    expect(engine.passes.length).toBe(1);
    speaker.push(silence(200));
    await settle();
    expect(engine.cancels).toBe(1);
    expect(dropped()).toBe(1);
    expect(engine.passes.length).toBe(2); // the speculation runs at once
    speaker.push(silence(300));
    engine.answer(1, 'done');
    await settle();
    expect(shown).toMatchObject([{ final: true, text: 'done' }]);
  });

  it('drops a speculation still waiting when the speaker goes on, so no stale pass runs', async () => {
    const { engine, shown, speaker, dropped } = channel();
    speaker.push(silence(300));
    speaker.push(tone(800));
    speaker.push(silence(600)); // utterance 1 ends; its pass is still running
    speaker.push(tone(800));
    speaker.push(silence(200)); // utterance 2 pauses: a speculation waits behind pass 0
    speaker.push(tone(300)); // and goes on
    await settle();
    expect(dropped()).toBe(1);
    engine.answer(0, 'one');
    await settle();
    expect(engine.passes.length).toBe(1); // the stale speculation never ran
    speaker.push(silence(600));
    await settle();
    expect(engine.passes.length).toBe(2);
    engine.answer(1, 'two');
    await settle();
    expect(shown.filter((s) => s.final).map((s) => s.text)).toEqual(['one', 'two']);
  });
});
