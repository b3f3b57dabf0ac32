import { describe, expect, it } from 'vitest';
import { tuneThreshold } from '../../eval/clinc150-suite';

const answer = (confidence: number, correct = true) => ({
  label: correct ? 'a' : 'b',
  truth: 'a',
  confidence,
});

describe('tuneThreshold', () => {
  it('rejects at most the allowed share of correct val answers, the least confident first', () => {
    // 100 answers: 90 correct with confidences 0.01..0.90, 10 wrong ones (free to reject).
    const val = [
      ...Array.from({ length: 90 }, (_, i) => answer((i + 1) / 100)),
      ...Array.from({ length: 10 }, () => answer(0.95, false)),
    ];
    const t = tuneThreshold(val, 0.02);
    const rejectedCorrect = val.filter((s) => s.label === s.truth && s.confidence < t).length;
    expect(rejectedCorrect).toBe(2);
    expect(t).toBeCloseTo(0.03, 10);
    expect(tuneThreshold(val, 0)).toBeCloseTo(0.01, 10);
  });

  it('is 0 when no val answer is correct', () => {
    expect(tuneThreshold([answer(0.5, false)])).toBe(0);
  });
});
