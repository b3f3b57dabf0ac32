import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackSource } from '../../../../../electron/services/packs/source/read-pack-source';

const fixtures = join(import.meta.dirname, '../../../../fixtures/packs');
let temp: string;

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'inloop-pack-source-'));
});
afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** [file, line, a phrase the message must contain] for every problem planted in the fixture. */
const planted: [string, number | undefined, string][] = [
  ['articles/faq/latin1.txt', 3, 'not valid UTF-8'],
  ['articles/guides/manual.pdf', undefined, 'unsupported article type (.pdf)'],
  ['articles/huge.md', undefined, 'the limit is 5.0 MB'],
  ['articles/loop', undefined, 'already read'],
  ['articles/outside.md', undefined, 'outside the pack folder: refused'],
  ['articles/returns/bad-front.md', 3, 'url "ftp://files.example.com/returns"'],
  ['articles/returns/bad-front.md', 4, 'tags must be a list of tags'],
  ['articles/returns/empty.md', 4, 'the article is empty'],
  ['articles/returns/syntax.md', 3, 'YAML syntax'],
  [
    'articles/shipping/tracking.md',
    undefined,
    'same article id "shipping/tracking" as articles/shipping/tracking.html',
  ],
  ['intent.yaml', undefined, 'did you mean "intents.yaml"?'],
  ['intents.yaml', 9, 'next action id "verify" is used twice'],
  ['intents.yaml', 11, 'responses[1] "goodbye" is not defined in responses.yaml'],
  ['intents.yaml', 14, 'articles[1] "shipping/missing.md" is not an article'],
  ['intents.yaml', 16, 'intent "refund-status": description must not be empty'],
  ['intents.yaml', 18, 'is already an example of intent "order-status" (line 4)'],
  ['intents.yaml', 19, 'unknown key "exemples" (did you mean "examples"?)'],
  ['intents.yaml', 20, 'duplicate intent id "order-status": already used on line 1'],
  ['pack.yaml', 1, 'id "Broken Pack" is not valid'],
  ['pack.yaml', 3, 'version "1.0" is not valid: expected a semantic version'],
  ['pack.yaml', 5, 'unknown key "descripton" (did you mean "description"?)'],
  ['responses.yaml', 5, 'duplicate response id "greet": already used on line 1'],
  ['responses.yaml', 7, 'single braces'],
  ['responses.yaml', 10, 'placeholder is not closed'],
  [
    'responses.yaml',
    12,
    '"refund-stauts" is not defined in intents.yaml (did you mean "refund-status"?)',
  ],
  ['responses.yaml', 13, 'response "no-text": text is required'],
  ['rules.yaml', 3, 'severity must be one of low, medium, high (got "urgent")'],
  ['rules.yaml', 5, 'a rule needs phrases, intents or sentimentBelow'],
  ['rules.yaml', 11, 'intents[0] "cancel-account" is not defined in intents.yaml'],
];

describe('readPackSource on a folder full of mistakes', () => {
  it('reports every problem, with its file and line, in one run', async () => {
    const dir = join(temp, 'broken');
    await cp(join(fixtures, 'broken'), dir, { recursive: true });
    await writeFile(join(dir, 'articles/huge.md'), `# Huge\n\n${'x'.repeat(5 * 1024 * 1024)}`);
    await writeFile(join(temp, 'secret.md'), '# Not part of the pack');
    await symlink(join(temp, 'secret.md'), join(dir, 'articles/outside.md'));
    await symlink(join(dir, 'articles'), join(dir, 'articles/loop'));

    const result = await readPackSource(dir);

    expect(result.source).toBeNull();
    expect(result.problems.map((p) => [p.file, p.line])).toEqual(
      planted.map(([file, line]) => [file, line]),
    );
    result.problems.forEach((problem, i) => expect(problem.message).toContain(planted[i]![2]));
    expect(result.ignored).toEqual(['.DS_Store', 'README.md', 'articles/images/logo.png']);
  });
});

describe('readPackSource on a valid folder', () => {
  async function writePack(files: Record<string, string>): Promise<string> {
    const dir = join(temp, 'pack');
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  it('returns the pack with defaults applied, list files in either form, and articles by id', async () => {
    const dir = await writePack({
      'pack.yaml': 'id: acme.support\nname: Acme\nversion: 1.2.0\npublisher: Acme CX\n',
      'intents.yaml':
        'intents:\n  - id: where-is-my-order\n    description: Order status\n    examples: [where is my order]\n    articles: [shipping/tracking]\n    responses: [hello]\n',
      'responses.yaml':
        '# Greetings\n- id: hello\n  title: Hello\n  text: |\n    Hi {{customer_name}},\n    thanks for waiting.\n',
      'articles/shipping/tracking.md': '# Tracking\n\nOrders ship in two days.',
      'articles/billing/refunds.html': '<title>Refunds</title><p>Five to seven days.</p>',
      'articles/about.txt': 'We sell clothes.',
    });
    const result = await readPackSource(dir);
    expect(result.problems).toEqual([]);
    expect(result.source?.meta).toEqual({
      id: 'acme.support',
      name: 'Acme',
      version: '1.2.0',
      publisher: 'Acme CX',
      description: '',
      language: 'en',
    });
    expect(result.source?.articles.map((a) => [a.articleId, a.title])).toEqual([
      ['about', 'About'],
      ['billing/refunds', 'Refunds'],
      ['shipping/tracking', 'Tracking'],
    ]);
    expect(result.source?.intents[0]).toMatchObject({
      id: 'where-is-my-order',
      nextActions: [],
      articles: ['shipping/tracking'],
    });
    expect(result.source?.responses[0]?.text).toBe('Hi {{customer_name}},\nthanks for waiting.\n');
    expect(result.source?.rules).toEqual([]);
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const dir = await writePack({
      'pack.yaml': 'id: p\nname: P\nversion: 0.1.0\npublisher: X\n',
      'shared/faq.md': '# FAQ\n\nAnswers.',
    });
    await mkdir(join(dir, 'articles'));
    await symlink(join(dir, 'shared/faq.md'), join(dir, 'articles/faq.md'));
    const result = await readPackSource(dir);
    expect(result.problems).toEqual([]);
    expect(result.source?.articles.map((a) => a.articleId)).toEqual(['faq']);
    expect(result.ignored).toEqual(['shared']);
  });

  it('reports a missing pack.yaml, a misplaced list, and a folder that does not exist', async () => {
    const dir = await writePack({ 'rules.yaml': 'id: not-a-list\n' });
    expect((await readPackSource(dir)).problems).toEqual([
      { file: 'pack.yaml', message: expect.stringContaining('missing') },
      {
        file: 'rules.yaml',
        line: 1,
        message: 'unknown top-level key "id": rules.yaml holds a list of rules',
      },
    ]);
    expect((await readPackSource(join(temp, 'nope'))).problems).toEqual([
      { file: '.', message: expect.stringContaining('is not a folder') },
    ]);
  });

  it('points at quoting when a response text starting with {{ is read as a YAML map', async () => {
    const dir = await writePack({
      'pack.yaml': 'id: p\nname: P\nversion: 0.1.0\npublisher: X\n',
      'responses.yaml': '- id: r\n  title: R\n  text: {{customer_name}}, hello\n',
    });
    const problems = (await readPackSource(dir)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'responses.yaml', line: 3 });
  });
});
