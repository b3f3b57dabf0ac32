import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../../../../../electron/services/packs/source/html-blocks';
import { textToBlocks } from '../../../../../electron/services/packs/source/text-blocks';

const p = (text: string) => ({ kind: 'paragraph', text });
const li = (depth: number, ordered: boolean, text: string) => ({
  kind: 'list-item',
  depth,
  ordered,
  text,
});

describe('HTML articles', () => {
  it('reads headings, paragraphs with entities and <br>, and drops scripts, styles and hidden parts', () => {
    const html = `<!doctype html><html><head><title>Refunds &amp; returns</title>
      <style>p { color: red }</style><script>track('x < y')</script></head>
      <body><h2>Card&nbsp;refunds</h2><p>Refunds take <b>5&ndash;7</b> days.<br>Gift cards are instant.</p>
      <div hidden>internal only</div><span aria-hidden="true">icon</span><noscript>enable JS</noscript>
      <!-- comment --><p>Done &#x2713;</p></body></html>`;
    const article = htmlToArticle(html);
    expect(article.title).toBe('Refunds & returns');
    expect(article.blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Card refunds' },
      p('Refunds take 5–7 days. Gift cards are instant.'),
      p('Done ✓'),
    ]);
  });

  it('nests list items by ul/ol depth, closes implied <li>, and keeps <p> inside an item in the item', () => {
    const html =
      '<ol><li>Open the order<ul><li>on the website<li>or in the app</ul></li><li><p>Choose</p><p>a reason</p></ol><ul><li>After</li></ul>';
    expect(htmlToArticle(html).blocks).toEqual([
      li(0, true, 'Open the order'),
      li(1, false, 'on the website'),
      li(1, false, 'or in the app'),
      li(0, true, 'Choose a reason'),
      li(0, false, 'After'),
    ]);
  });

  it('keeps <pre> whitespace and makes one paragraph per table row', () => {
    const html =
      '<pre><code>if (a &lt; b) {\n  refund();\n}</code></pre><table><thead><tr><th>Level</th><th>Window</th></tr></thead><tbody><tr><td>Gold</td><td>Unlimited<br>returns</td></tr><tr><td>Guest</td><td></td></tr></tbody></table>';
    expect(htmlToArticle(html).blocks).toEqual([
      { kind: 'code', text: 'if (a < b) {\n  refund();\n}' },
      p('Level | Window'),
      p('Gold | Unlimited returns'),
      p('Guest'),
    ]);
  });

  it('uses image alt text and link text, and survives unclosed tags', () => {
    expect(
      htmlToArticle(
        '<p>See <a href="/x">the label</a> <img src="l.png" alt="label example"><p>Next <em>para',
      ).blocks,
    ).toEqual([p('See the label label example'), p('Next para')]);
  });

  it('returns meta tags with their lines, offset by the front matter', () => {
    const article = htmlToArticle(
      '<head>\n<meta name="Keywords" content="returns, labels">\n<meta property="updated" content="2024-05-01"></head><p>x</p>',
      5,
    );
    expect(article.meta).toEqual([
      { name: 'keywords', content: 'returns, labels', line: 6 },
      { name: 'updated', content: '2024-05-01', line: 7 },
    ]);
  });
});

describe('plain-text articles', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(
      textToBlocks('Refunds go back to the\noriginal card.\r\n\r\nGift cards are instant.\n\n\n'),
    ).toEqual([p('Refunds go back to the original card.'), p('Gift cards are instant.')]);
  });

  it('reads -, *, • and numbered lines as list items nested by indentation', () => {
    expect(
      textToBlocks(
        'Steps:\n\n1. Sign in\n2) Open orders\n   - pick the order\n     wrapped line\n   * choose Return\n• Print the label',
      ),
    ).toEqual([
      p('Steps:'),
      li(0, true, 'Sign in'),
      li(0, true, 'Open orders'),
      li(1, false, 'pick the order wrapped line'),
      li(1, false, 'choose Return'),
      li(0, false, 'Print the label'),
    ]);
  });

  it('does not take a hyphenated word or a negative number for a list item', () => {
    expect(textToBlocks('-5 degrees is cold\n--- not a list')).toEqual([
      p('-5 degrees is cold --- not a list'),
    ]);
  });
});
