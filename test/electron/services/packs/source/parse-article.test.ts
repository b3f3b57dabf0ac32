import { describe, expect, it } from 'vitest';
import {
  articleIdFromPath,
  titleFromFileName,
} from '../../../../../electron/services/packs/source/article-id';
import { splitFrontMatter } from '../../../../../electron/services/packs/source/front-matter';
import { parseArticle } from '../../../../../electron/services/packs/source/parse-article';

describe('article ids', () => {
  it('is the path under articles/ without its extension, with forward slashes', () => {
    expect(articleIdFromPath('billing/refunds.md')).toBe('billing/refunds');
    expect(articleIdFromPath('a/b/c/deep.article.html')).toBe('a/b/c/deep.article');
    expect(articleIdFromPath('billing\\cards\\declined.txt')).toBe('billing/cards/declined');
    expect(articleIdFromPath('top.md')).toBe('top');
  });

  it('never contains a backslash, whatever the separator', () => {
    for (const path of ['x\\y\\z.md', 'x/y\\z.htm', 'x\\\\y.md'])
      expect(articleIdFromPath(path)).not.toContain('\\');
  });

  it('falls back to a readable title from the file name', () => {
    expect(titleFromFileName('articles/billing/refund-policy_2024.md')).toBe('Refund policy 2024');
  });
});

describe('front matter', () => {
  it('splits the YAML block and reports where the body starts', () => {
    expect(splitFrontMatter('\uFEFF---\ntitle: A\n---\n# Body')).toEqual({
      yaml: 'title: A',
      yamlFirstLine: 2,
      body: '# Body',
      bodyFirstLine: 4,
      unclosed: false,
    });
    expect(splitFrontMatter('No front matter').yaml).toBeNull();
    expect(splitFrontMatter('---\ntitle: A\n').unclosed).toBe(true);
  });
});

describe('parseArticle', () => {
  it('prefers the front-matter title, then the first H1, then the file name', () => {
    const withFront = parseArticle(
      'articles/returns/policy.md',
      'markdown',
      '---\ntitle: Return policy\n---\n# Returns\n\nText',
    );
    expect(withFront.article?.title).toBe('Return policy');
    const withH1 = parseArticle(
      'articles/returns/policy.md',
      'markdown',
      '## Intro\n\nText\n\n# Returns\n\nMore',
    );
    expect(withH1.article?.title).toBe('Returns');
    const withName = parseArticle(
      'articles/returns/return-policy.md',
      'markdown',
      '## Only an H2\n\nText',
    );
    expect(withName.article?.title).toBe('Return policy');
  });

  it('takes the HTML <title> before the first <h1>, and front matter before both', () => {
    const html =
      '<html><head><title>From title tag</title><meta name="keywords" content="a, b"></head><body><h1>From h1</h1><p>x</p></body></html>';
    expect(parseArticle('articles/x.html', 'html', html).article).toMatchObject({
      title: 'From title tag',
      tags: ['a', 'b'],
    });
    expect(
      parseArticle(
        'articles/x.html',
        'html',
        `---\ntitle: From front matter\ntags: [c]\n---\n${html}`,
      ).article,
    ).toMatchObject({
      title: 'From front matter',
      tags: ['c'],
    });
    expect(parseArticle('articles/x.htm', 'html', '<h1>From h1</h1><p>x</p>').article?.title).toBe(
      'From h1',
    );
  });

  it('reads front matter at the top of plain text, with comma-separated tags', () => {
    const parsed = parseArticle(
      'articles/faq/gift-wrap.txt',
      'text',
      '---\ntitle: Gift wrapping\ntags: pricing, gifts\nurl: https://help.example.com/gift\nupdated: 2024-03-02\n---\nGift wrap costs $5.',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.article).toEqual({
      articleId: 'faq/gift-wrap',
      title: 'Gift wrapping',
      url: 'https://help.example.com/gift',
      tags: ['pricing', 'gifts'],
      updated: '2024-03-02',
      blocks: [{ kind: 'paragraph', text: 'Gift wrap costs $5.' }],
    });
  });

  it('reports front-matter problems at their lines in the article file', () => {
    const parsed = parseArticle(
      'articles/a.md',
      'markdown',
      '---\ntitle: A\ntags: [ok]\nurl: javascript:alert(1)\nupdated: last week\ntitel: typo\n---\nBody',
    );
    expect(parsed.article).toBeNull();
    expect(parsed.problems).toEqual([
      { file: 'articles/a.md', line: 4, message: expect.stringContaining('url') },
      { file: 'articles/a.md', line: 5, message: expect.stringContaining('must be a date') },
      {
        file: 'articles/a.md',
        line: 6,
        message: 'front matter: unknown key "titel" (did you mean "title"?)',
      },
    ]);
  });

  it('reports an empty article, and an unclosed front matter', () => {
    expect(
      parseArticle('articles/e.md', 'markdown', '---\ntitle: Empty\n---\n\n<!-- todo -->\n')
        .problems,
    ).toEqual([
      {
        file: 'articles/e.md',
        line: 4,
        message: 'the article is empty: there is no text after its front matter',
      },
    ]);
    expect(
      parseArticle('articles/u.md', 'markdown', '---\ntitle: x\n\nBody').problems[0],
    ).toMatchObject({ line: 1, message: expect.stringContaining('no closing ---') });
  });

  it('reports an invalid HTML meta url at its line', () => {
    const parsed = parseArticle(
      'articles/m.html',
      'html',
      '<head>\n<meta name="url" content="file:///etc/passwd">\n</head><p>x</p>',
    );
    expect(parsed.problems).toEqual([
      { file: 'articles/m.html', line: 2, message: expect.stringContaining('http') },
    ]);
  });
});
