import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../../../../electron/services/packs/source/markdown-blocks';
import { stripInline } from '../../../../../electron/services/packs/source/markdown-inline';

const p = (text: string) => ({ kind: 'paragraph', text });
const li = (depth: number, ordered: boolean, text: string) => ({
  kind: 'list-item',
  depth,
  ordered,
  text,
});
const h = (level: number, text: string) => ({ kind: 'heading', level, text });

describe('markdown headings and paragraphs', () => {
  it('reads ATX headings with closing hashes and setext headings', () => {
    expect(
      markdownToBlocks(
        '# Refunds #\n\n### Card  payments ###\n\nReturns\n=======\n\nExchanges\n---',
      ),
    ).toEqual([h(1, 'Refunds'), h(3, 'Card payments'), h(1, 'Returns'), h(2, 'Exchanges')]);
  });

  it('does not take #hashtag or an escaped hash for a heading', () => {
    expect(markdownToBlocks('#hashtag sale\n\n\\# not a heading')).toEqual([
      p('#hashtag sale'),
      p('# not a heading'),
    ]);
  });

  it('joins a paragraph across soft line breaks and hard breaks', () => {
    expect(markdownToBlocks('Refunds take\nfive to seven  \nbusiness days\\\nto arrive.')).toEqual([
      p('Refunds take five to seven business days to arrive.'),
    ]);
  });

  it('ends paragraphs at blank lines and thematic breaks', () => {
    expect(markdownToBlocks('One\n\nTwo\n\n* * *\n\nThree\n___')).toEqual([
      p('One'),
      p('Two'),
      p('Three'),
    ]);
  });

  it('lets a heading interrupt a paragraph without a blank line', () => {
    expect(markdownToBlocks('Intro line\n## Next\nBody')).toEqual([
      p('Intro line'),
      h(2, 'Next'),
      p('Body'),
    ]);
  });
});

describe('markdown lists', () => {
  it('nests bullets and numbers by content indentation', () => {
    const md =
      '1. Open the order\n2. Choose a reason:\n   - Wrong size\n   - Damaged\n       continued lazily\n     * deeper\n3. Print the label';
    expect(markdownToBlocks(md)).toEqual([
      li(0, true, 'Open the order'),
      li(0, true, 'Choose a reason:'),
      li(1, false, 'Wrong size'),
      li(1, false, 'Damaged continued lazily'),
      li(2, false, 'deeper'),
      li(0, true, 'Print the label'),
    ]);
  });

  it('treats four-space nesting under a bullet as a child, and two spaces under "1." as a sibling (CommonMark)', () => {
    expect(markdownToBlocks('- a\n    - b\n\n1. c\n  - d')).toEqual([
      li(0, false, 'a'),
      li(1, false, 'b'),
      li(0, true, 'c'),
      li(0, false, 'd'),
    ]);
  });

  it('keeps a loose list together across blank lines and reads item paragraphs', () => {
    expect(markdownToBlocks('- first\n\n  more about first\n\n- second\n\nAfter the list')).toEqual(
      [li(0, false, 'first'), p('more about first'), li(0, false, 'second'), p('After the list')],
    );
  });

  it('only lets "1." or a bullet with text interrupt a paragraph', () => {
    expect(markdownToBlocks('We opened in\n2019. Since then\n- we grew')).toEqual([
      p('We opened in 2019. Since then'),
      li(0, false, 'we grew'),
    ]);
  });

  it('drops task-list checkboxes and supports ) markers', () => {
    expect(
      markdownToBlocks('- [ ] check the label\n- [x] pack the item\n\n1) one\n2) two'),
    ).toEqual([
      li(0, false, 'check the label'),
      li(0, false, 'pack the item'),
      li(0, true, 'one'),
      li(0, true, 'two'),
    ]);
  });
});

describe('markdown code, quotes, tables and HTML', () => {
  it('keeps fenced code verbatim, including markup and indentation, even when unclosed', () => {
    expect(
      markdownToBlocks(
        '```yaml\nid: *not emphasis*\n  nested: 1\n```\n\n~~~~\nopen to the end\n```\n',
      ),
    ).toEqual([
      { kind: 'code', text: 'id: *not emphasis*\n  nested: 1' },
      { kind: 'code', text: 'open to the end\n```' },
    ]);
  });

  it('reads indented code only where it cannot be a paragraph continuation or list content', () => {
    expect(
      markdownToBlocks('Para\n    still para\n\n    real code\n\n- item\n\n    item paragraph'),
    ).toEqual([
      p('Para still para'),
      { kind: 'code', text: 'real code' },
      li(0, false, 'item'),
      p('item paragraph'),
    ]);
  });

  it('turns block quotes into paragraphs, with lazy continuation and GitHub alerts', () => {
    expect(
      markdownToBlocks('> [!WARNING]\n> Never share\nthe PIN.\n>\n> ## Why\n> - fraud'),
    ).toEqual([p('Warning: Never share the PIN.'), p('Why'), li(0, false, 'fraud')]);
  });

  it('makes one paragraph per table row with cells joined by " | "', () => {
    const md =
      'Intro\n| Level | Returns | Notes |\n|:--|--:|---|\n| **Gold** | Unlimited | |\n| Silver | 6 months | a \\| b |\n\nAfter';
    expect(markdownToBlocks(md)).toEqual([
      p('Intro'),
      p('Level | Returns | Notes'),
      p('Gold | Unlimited'),
      p('Silver | 6 months | a | b'),
      p('After'),
    ]);
  });

  it('drops HTML comments and tags and link reference definitions', () => {
    expect(
      markdownToBlocks(
        '<!-- editor note\nspanning lines -->\n<div align="center">\n<b>Bold</b> text\n</div>\n\n[faq]: https://help.example.com "FAQ"\n\nSee the [FAQ].',
      ),
    ).toEqual([p('Bold text'), p('See the FAQ.')]);
  });
});

describe('inline markup', () => {
  it('strips emphasis without touching intraword underscores or arithmetic', () => {
    expect(
      stripInline('***very*** **bold** __strong__ *em* _em_ ~~old~~ snake_case_name 2 * 3 * 4'),
    ).toBe('very bold strong em em old snake_case_name 2 * 3 * 4');
  });

  it('reduces links to their text and images to alt text, including nested ones', () => {
    expect(
      stripInline(
        '[Returns](https://x.example/a_(b) "Title") [![Logo](logo.png)](https://x.example) [ref link][r] ![alt][img] <https://help.example.com/a> <me@example.com>',
      ),
    ).toBe('Returns Logo ref link alt https://help.example.com/a me@example.com');
  });

  it('keeps code spans verbatim and resolves escapes and entities outside them', () => {
    expect(
      stripInline(
        'Use `**literal** &amp;` or ``a ` tick``; \\*not em\\* &amp; &#8217; &copy; &bogus;',
      ),
    ).toBe('Use **literal** &amp; or a ` tick; *not em* & ’ © &bogus;');
  });

  it('leaves unmatched brackets alone when they are not links', () => {
    expect(stripInline('Press [Enter] to continue')).toBe('Press [Enter] to continue');
  });
});
