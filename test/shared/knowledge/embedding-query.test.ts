import { describe, expect, it } from 'vitest';
import { embeddingQueryText } from '../../../shared/knowledge/embedding-query';

describe('embeddingQueryText', () => {
  it('puts the latest customer turn first, then older turns newest first', () => {
    const text = embeddingQueryText([
      { role: 'customer', text: 'I moved house.' },
      { role: 'agent', text: 'Do you need a new licence?' },
      { role: 'customer', text: 'How do I change my   address?' },
      { role: 'agent', text: 'Let me check.' },
    ]);
    expect(text).toBe(
      'How do I change my address? Let me check. Do you need a new licence? I moved house.',
    );
  });

  it('stops at the character budget, cutting the oldest turn', () => {
    const text = embeddingQueryText(
      [
        { role: 'customer', text: 'a'.repeat(50) },
        { role: 'customer', text: 'b'.repeat(30) },
      ],
      40,
    );
    expect(text).toBe(`${'b'.repeat(30)} ${'a'.repeat(9)}`);
    expect(text.length).toBe(40);
  });

  it('is empty for a conversation with no text', () => {
    expect(embeddingQueryText([{ role: 'customer', text: '  ' }])).toBe('');
  });
});
