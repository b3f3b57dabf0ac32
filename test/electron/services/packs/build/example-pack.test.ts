/** The example pack in packs/acme-retail: valid, and as complete as the README promises. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackSource } from '../../../../../electron/services/packs/source/read-pack-source';
import type { PackSource } from '../../../../../shared/packs/pack-schemas';
import { examplePack, repoRoot } from './build-fixtures';

let source: PackSource;
beforeAll(async () => {
  const result = await readPackSource(examplePack);
  expect(result.problems).toEqual([]);
  source = result.source!;
});

const abcd = join(repoRoot, '../shared/data/abcd');

describe('the acme-retail example pack', () => {
  it.skipIf(!existsSync(join(abcd, 'ontology.json')))(
    'has one intent per ABCD subflow, with 8-20 examples and next actions',
    () => {
      const ontology = JSON.parse(readFileSync(join(abcd, 'ontology.json'), 'utf8')) as {
        intents: { subflows: Record<string, string[]> };
      };
      const subflows = Object.entries(ontology.intents.subflows).flatMap(([flow, subs]) =>
        subs.map((sub) => `${flow}.${sub}`),
      );
      expect(source.intents.map((i) => i.id).sort()).toEqual(subflows.sort());
      for (const intent of source.intents) {
        expect(intent.examples.length, intent.id).toBeGreaterThanOrEqual(8);
        expect(intent.examples.length, intent.id).toBeLessThanOrEqual(20);
        expect(intent.nextActions.length, intent.id).toBeGreaterThanOrEqual(2);
        expect(intent.responses.length + intent.articles.length, intent.id).toBeGreaterThan(0);
      }
    },
  );

  it('has 25+ articles with a helpdesk url and 25+ replies with placeholders', () => {
    expect(source.articles.length).toBeGreaterThanOrEqual(25);
    for (const article of source.articles) {
      expect(article.url, article.articleId).toMatch(/^https:\/\/help\.acme-retail\.example\/.+/);
      expect(article.blocks.some((b) => b.kind === 'heading' && b.level === 2)).toBe(true);
    }
    expect(source.responses.length).toBeGreaterThanOrEqual(25);
    const used = new Set(
      source.responses.flatMap((r) => [...r.text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])),
    );
    for (const name of ['customer_name', 'order_id', 'amount', 'date', 'account_id'])
      expect(used).toContain(name);
    const tied = source.responses.filter((r) => r.intents.length > 0);
    expect(tied.length).toBeGreaterThanOrEqual(25);
  });

  it('has the escalation rules a contact centre needs', () => {
    expect(source.rules.map((r) => r.id).sort()).toEqual(
      [
        'angry-customer',
        'chargeback-fraud',
        'churn-risk',
        'financial-hardship',
        'legal-threat',
        'vulnerable-customer',
      ].sort(),
    );
    expect(source.rules.find((r) => r.id === 'angry-customer')?.sentimentBelow).toBeLessThan(0);
  });
});
