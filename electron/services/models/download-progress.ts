/**
 * The progress line `inloop models fetch` redraws on a terminal (stderr), e.g.
 * `[2/4] onnx/model_quantized.onnx [#######-------]  45%  10.3 / 23.0 MB`. Pure.
 */
import type { FetchProgress } from './fetch-model';

const WIDTH = 24;

/** Bytes as a short human size: `812 B`, `4.2 kB`, `23.0 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

/** One progress line, without a newline. */
export function formatDownloadLine(progress: FetchProgress): string {
  const head = `[${progress.index + 1}/${progress.count}] ${progress.file}`;
  if (progress.total === null) return `${head}  ${formatBytes(progress.bytes)}`;
  const ratio = Math.min(1, progress.bytes / Math.max(1, progress.total));
  const filled = Math.round(ratio * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
  const percent = `${Math.round(ratio * 100)}%`.padStart(4);
  return `${head} ${bar} ${percent}  ${formatBytes(progress.bytes)} / ${formatBytes(progress.total)}`;
}
