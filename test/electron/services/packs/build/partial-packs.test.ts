/**
 * Packs without articles: an intents-only and a replies-only pack build, install and work
 * through the real CLI (`pack build`, `pack install`, `assist`), and an example repeated within
 * an intent (other case or punctuation) is a warning naming both lines, with the copy dropped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackSource } from '../../../../../electron/services/packs/source/read-pack-source';
import { runInloop, tempDir } from './build-fixtures';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
});
afterEach(async () => {
  await temp.remove();
});

const inloop = (...argv: string[]) => runInloop(temp.dir, argv);

async function source(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(temp.dir, name);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'pack.yaml'),
    `id: ${name}\nname: ${name}\nversion: 1.0.0\npublisher: Test\n`,
  );
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

const INTENTS = `- id: missing
  description: A parcel has not arrived
  examples:
    - my parcel never arrived
    - where is my package
    - My parcel never arrived!
    - the package did not come
  nextActions:
    - id: ask-days
      text: Ask how many days they have waited
- id: refund
  description: Customer wants a refund
  examples: [I want a refund, give me my money back, refund my order]
`;

const REPLIES = `- id: wait
  title: Parcel may still arrive
  text: 'Sorry your parcel is late, {{customer_name}}. Please give it two more days.'
`;

describe('packs without articles', () => {
  it.each([
    ['intents-only', { 'intents.yaml': INTENTS }],
    ['replies-only', { 'responses.yaml': REPLIES }],
  ])('a %s pack builds, installs and assists', async (name, files) => {
    const dir = await source(name, files);
    const built = await inloop('pack', 'build', dir, '--out', `${name}.inloop`);
    expect(built.code, built.err).toBe(0);
    const data = join(temp.dir, 'data');
    const installed = await inloop(
      'pack',
      'install',
      `${name}.inloop`,
      '--allow-unsigned',
      '--data-dir',
      data,
    );
    expect(installed.code, installed.err).toBe(0);
    expect(installed.out).toContain(`installed ${name} 1.0.0`);
    await writeFile(
      join(temp.dir, 'conv.json'),
      JSON.stringify({ turns: [{ role: 'customer', text: 'My parcel never arrived' }] }),
    );
    const assisted = await inloop('assist', 'conv.json', '--json', '--data-dir', data);
    expect(assisted.code, assisted.err).toBe(0);
    const result = JSON.parse(assisted.out) as {
      intent: { id: string } | null;
      candidates: { id: string }[];
      replies: { id?: string }[];
      nextActions: { id: string }[];
    };
    if (name === 'intents-only') {
      // Shown, or (a pack this small calibrates cautiously) first among the candidates.
      expect(result.intent?.id ?? result.candidates[0]?.id).toBe('missing');
      if (result.intent) expect(result.nextActions.map((s) => s.id)).toEqual(['ask-days']);
    } else {
      expect(result.intent).toBeNull();
      expect(result.replies.map((r) => r.id)).toEqual(['wait']);
    }
  });

  it('warns about an example repeated within an intent, naming both lines, and drops the copy', async () => {
    const dir = await source('repeats', { 'intents.yaml': INTENTS });
    const read = await readPackSource(dir);
    expect(read.problems).toEqual([]);
    expect(read.warnings).toEqual([
      {
        file: 'intents.yaml',
        line: 6,
        message:
          'intent "missing": example "My parcel never arrived!" repeats "my parcel never arrived" (line 4); the copy on line 6 is dropped',
      },
    ]);
    expect(read.source?.intents[0]?.examples).toEqual([
      'my parcel never arrived',
      'where is my package',
      'the package did not come',
    ]);
    const built = await inloop('pack', 'build', dir, '--out', 'repeats.inloop');
    expect(built.code).toBe(0);
    expect(built.err).toContain('warning: intents.yaml:6: intent "missing": example');
  });
});
