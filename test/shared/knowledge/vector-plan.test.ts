import { describe, expect, it } from 'vitest';
import { planVectors } from '../../../shared/knowledge/vector-plan';

describe('planVectors', () => {
  it("uses the pack's vectors when they come from the device's model", () => {
    expect(planVectors('m', 'm')).toEqual({ kind: 'use-pack', model: 'm' });
  });

  it("re-embeds when the pack's model differs or the pack has none", () => {
    expect(planVectors('other', 'm')).toEqual({ kind: 're-embed', model: 'm' });
    expect(planVectors(null, 'm')).toEqual({ kind: 're-embed', model: 'm' });
  });

  it('keeps pack vectors on a lexical device and has none when neither has a model', () => {
    expect(planVectors('m', null)).toEqual({ kind: 'use-pack', model: 'm' });
    expect(planVectors(null, null)).toEqual({ kind: 'none' });
  });
});
