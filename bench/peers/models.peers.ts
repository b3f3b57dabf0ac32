/**
 * Embeddings and speech against a plain transformers.js pipeline on the same model files,
 * each in its own fresh process (bench/peers/embed-child.ts, bench/peers/speech-child.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from '../child';
import { ASR_MODEL, EMBED_MODEL, modelsDir, RECORDING } from '../corpora';
import type { BenchRow } from '../table';
import type { EmbedChildResult } from './embed-child';
import type { SpeechChildResult } from './speech-child';

const PEER = 'transformers.js pipeline';

function row(
  benchmark: string,
  metric: string,
  unit: string,
  better: 'lower' | 'higher',
  inloop: number,
  peer: number,
): BenchRow {
  return { benchmark, metric, value: inloop, unit, better, peers: [{ name: PEER, value: peer }] };
}

export async function benchEmbedPeers(): Promise<BenchRow[]> {
  if (!existsSync(join(modelsDir, EMBED_MODEL, 'config.json'))) {
    process.stderr.write(`bench embed peers: skipped, ${EMBED_MODEL} is not in ${modelsDir}\n`);
    return [];
  }
  const child = join(import.meta.dirname, 'embed-child.ts');
  const inloop = await runChild<EmbedChildResult>(child, { engine: 'inloop' });
  const peer = await runChild<EmbedChildResult>(child, { engine: 'transformers' });
  const b = `embeddings, minilm-l6 shape q8, ${inloop.threads} ONNX thread(s)`;
  return [
    row(b, 'load (to the first vector)', 'ms', 'lower', inloop.loadMs, peer.loadMs),
    row(b, 'single query p50', 'ms', 'lower', inloop.p50, peer.p50),
    row(b, 'single query p95', 'ms', 'lower', inloop.p95, peer.p95),
    row(
      b,
      'batched, ~400-char passages',
      'texts/s',
      'higher',
      inloop.textsPerSecond,
      peer.textsPerSecond,
    ),
    row(b, 'RSS after, with worker processes', 'MiB', 'lower', inloop.rssAfter, peer.rssAfter),
  ];
}

export async function benchSpeechPeers(): Promise<BenchRow[]> {
  if (!existsSync(join(modelsDir, ASR_MODEL, 'config.json')) || !existsSync(RECORDING)) {
    process.stderr.write(`bench speech peers: skipped, ${ASR_MODEL} or the recording is missing\n`);
    return [];
  }
  const child = join(import.meta.dirname, 'speech-child.ts');
  const inloop = await runChild<SpeechChildResult>(child, { engine: 'inloop' });
  const peer = await runChild<SpeechChildResult>(child, { engine: 'transformers' });
  const b = `speech, whisper-tiny.en shape q8, ${Math.round(inloop.audioSeconds)} s recording`;
  return [
    row(
      b,
      'real-time factor, whole file',
      'x',
      'lower',
      inloop.fileSeconds / inloop.audioSeconds,
      peer.fileSeconds / peer.audioSeconds,
    ),
    row(
      b,
      'latency to the last word (Inloop live; the pipeline once the recording ends)',
      'ms',
      'lower',
      inloop.lastWordMs,
      peer.lastWordMs,
    ),
    row(b, 'encoder passes, whole file', '', 'lower', inloop.passes, peer.passes),
    row(b, 'decoding cap, whole file', 'tokens', 'lower', inloop.tokens, peer.tokens),
    row(b, 'RSS after', 'MiB', 'lower', inloop.rssAfter, peer.rssAfter),
  ];
}
