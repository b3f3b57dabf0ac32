import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPack, type BuildProgress } from '../../../../../electron/services/packs/build';
import {
  generateSigningKeys,
  readPackFile,
} from '../../../../../electron/services/packs/pack-file';
import { readPackSource } from '../../../../../electron/services/packs/source/read-pack-source';
import { articleText } from '../../../../../shared/packs/article-text';
import { MAX_PASSAGE_CHARS } from '../../../../../shared/packs/pack-schemas';
import { brokenPack, examplePack, readBack, tempDir } from './build-fixtures';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
});
afterEach(async () => {
  await temp.remove();
});

describe('buildPack on the example pack (lexical)', () => {
  it('writes a pack whose content reads back whole', async () => {
    const out = join(temp.dir, 'acme.inloop');
    const progress: BuildProgress[] = [];
    const result = await buildPack(examplePack, { out, onProgress: (p) => progress.push(p) });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));

    const { source } = await readPackSource(examplePack);
    const { pack, articles, passages } = await readBack(out);
    expect(pack.manifest.pack.id).toBe('acme-retail');
    expect(pack.manifest.embedding).toBeNull();
    expect(pack.manifest.counts).toEqual({
      articles: source!.articles.length,
      passages: passages.length,
      responses: source!.responses.length,
      intents: source!.intents.length,
      rules: source!.rules.length,
    });
    expect(articles.map((a) => a.articleId)).toEqual(source!.articles.map((a) => a.articleId));
    expect(JSON.parse(new TextDecoder().decode(pack.entry('content/intents.json')))).toEqual(
      source!.intents,
    );
    expect(() => pack.entry('index/embeddings.f32')).toThrow(/no entry/);
    expect(progress.at(-1)).toEqual({ phase: 'writing', done: 1, total: 1 });
    expect((await stat(out)).mode & 0o777).toBe(0o644);
  });

  it('cuts every article into card-sized passages that point back into its text', async () => {
    const out = join(temp.dir, 'acme.inloop');
    expect((await buildPack(examplePack, { out })).ok).toBe(true);
    const { articles, passages } = await readBack(out);
    const byId = new Map(articles.map((a) => [a.articleId, a]));
    const perArticle = new Map<string, number>();
    for (const passage of passages) {
      const article = byId.get(passage.articleId)!;
      const text = articleText(article);
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(passage.text.trim()).not.toBe('');
      expect(text.slice(passage.start, passage.end)).toBe(passage.text);
      expect(passage.title).toBe(article.title);
      const n = perArticle.get(passage.articleId) ?? 0;
      expect(passage.id).toBe(`${passage.articleId}#${n}`);
      perArticle.set(passage.articleId, n + 1);
      // The section path names headings of this article, outermost first.
      for (const heading of passage.section) expect(text).toContain(heading);
    }
    expect([...perArticle.keys()].sort()).toEqual([...byId.keys()].sort());
    // Sections are kept: passages under the article's headings carry them as context.
    const policy = passages.filter((p) => p.articleId === 'returns/return-policy');
    const gold = policy.filter((p) => p.text.includes('Gold members have unlimited returns'));
    expect(gold.map((p) => p.section)).toContainEqual(['Who can return what']);
    const titles = new Set(articles.map((a) => a.title));
    const headings = new Set(passages.flatMap((p) => p.section).filter((s) => !titles.has(s)));
    expect(headings.size).toBeGreaterThanOrEqual(25);
  });

  it('reports every problem of a broken source at once and writes nothing', async () => {
    const out = join(temp.dir, 'broken.inloop');
    const result = await buildPack(brokenPack, { out });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected = (await readPackSource(brokenPack)).problems;
    expect(result.problems).toEqual(expected);
    expect(new Set(result.problems.map((p) => p.file))).toEqual(
      new Set([
        'pack.yaml',
        'intents.yaml',
        'responses.yaml',
        'rules.yaml',
        'intent.yaml',
        ...expected.filter((p) => p.file.startsWith('articles/')).map((p) => p.file),
      ]),
    );
    expect(result.problems.length).toBeGreaterThanOrEqual(20);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});

describe('buildPack signing', () => {
  it('signs the pack so it verifies with the publisher key, and a tampered copy fails', async () => {
    const keys = generateSigningKeys();
    const out = join(temp.dir, 'signed.inloop');
    const result = await buildPack(examplePack, { out, signKeyPem: keys.privateKeyPem });
    expect(result.ok && result.signedBy).toBe(keys.keyId);

    const { pack } = await readBack(out, [keys.publicKeyPem]);
    expect(pack.signer).toEqual({ keyId: keys.keyId, trusted: true });
    await expect(
      readPackFile(out, {
        trustedKeys: [generateSigningKeys().publicKeyPem],
        allowUnsigned: false,
      }),
    ).rejects.toMatchObject({ problem: 'untrusted_key' });

    const bytes = await readFile(out);
    bytes[bytes.length - 20]! ^= 0x01;
    const tampered = join(temp.dir, 'tampered.inloop');
    await writeFile(tampered, bytes);
    await expect(
      readPackFile(tampered, { trustedKeys: [keys.publicKeyPem], allowUnsigned: false }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('refuses a bad signing key before building anything', async () => {
    const out = join(temp.dir, 'never.inloop');
    await expect(
      buildPack(examplePack, { out, signKeyPem: generateSigningKeys().publicKeyPem }),
    ).rejects.toMatchObject({ problem: 'bad_key' });
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
