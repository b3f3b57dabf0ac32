import { describe, expect, it } from 'vitest';
import {
  formatProgressLine,
  progressBar,
} from '../../../../../electron/services/packs/cli/build-progress';

describe('pack build progress bar', () => {
  it('draws the share done and the count', () => {
    const line = formatProgressLine({ phase: 'embedding', done: 150, total: 300 });
    expect(line).toContain(`[${'#'.repeat(15)}${'-'.repeat(15)}]`);
    expect(line).toMatch(/Embedding passages .* 150\/300$/);
    expect(formatProgressLine({ phase: 'writing', done: 0, total: 0 })).toContain('[---');
  });

  it('redraws at most every interval but always at the end, and clears the line', () => {
    const written: string[] = [];
    let now = 0;
    const bar = progressBar(
      (t) => written.push(t),
      100,
      () => now,
    );
    for (let done = 1; done <= 10; done++) {
      now += 30;
      bar.update({ phase: 'embedding', done, total: 10 });
    }
    expect(written.length).toBeLessThan(10);
    expect(written.at(-1)).toContain('10/10');
    bar.end();
    bar.end();
    expect(written.at(-1)).toBe('\r\u001b[2K');
    expect(written.filter((t) => t === '\r\u001b[2K')).toHaveLength(1);
  });
});
