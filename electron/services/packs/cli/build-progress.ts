/**
 * The progress bar `inloop pack build` draws on a terminal (stderr, one line redrawn in place).
 * Embedding is the slow phase: it gets the bar and a count; the quick phases get a label.
 */
import type { BuildProgress } from '../build';

const WIDTH = 30;

const labels: Record<BuildProgress['phase'], string> = {
  reading: 'Reading the source',
  chunking: 'Cutting passages',
  embedding: 'Embedding passages',
  writing: 'Writing the pack',
};

/** One progress line (no newline), e.g. `Embedding passages [#####-----]  120/300`. */
export function formatProgressLine(progress: BuildProgress): string {
  const total = Math.max(1, progress.total);
  const ratio = Math.min(1, Math.max(0, progress.done / total));
  const filled = Math.round(ratio * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
  const count = `${progress.done}/${progress.total}`;
  return `${labels[progress.phase].padEnd(19)} ${bar} ${count.padStart(11)}`;
}

/**
 * A progress reporter writing to `write` (stderr on a terminal): redraws at most every
 * `intervalMs` and always on a phase's last step; `end()` clears the line.
 */
export function progressBar(
  write: (text: string) => void,
  intervalMs = 100,
  clock: () => number = () => performance.now(),
): { update: (progress: BuildProgress) => void; end: () => void } {
  let last = -Infinity;
  let drawn = false;
  return {
    update(progress) {
      const now = clock();
      if (now - last < intervalMs && progress.done < progress.total) return;
      last = now;
      drawn = true;
      write(`\r${formatProgressLine(progress)}`);
    },
    end() {
      if (drawn) write('\r\u001b[2K');
      drawn = false;
    },
  };
}
