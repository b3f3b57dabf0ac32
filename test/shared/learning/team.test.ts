/** Bundles (what may leave a device), their merge, the proposal and the team report. */
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../../shared/learning/bundle';
import { teamCharts } from '../../../shared/learning/chart-model';
import { emptyLearnedState, type LearnedState } from '../../../shared/learning/learned-state';
import { observeRecord, type ObservedContext } from '../../../shared/learning/observe';
import { buildProposal, nextMinorVersion } from '../../../shared/learning/proposal';
import { partQuote } from '../../../shared/learning/proposal-ranking';
import { passageFingerprint } from '../../../shared/learning/knowledge-priors';
import { emptyMerge, mergeBundle } from '../../../shared/learning/team-merge';
import { teamReport } from '../../../shared/learning/team-report';
import { BundleLineSchema } from '../../../shared/schemas/learning';

const cards = [
  { articleId: 'returns/exchange', packId: 'acme', passage: 'Swap an item for another size.' },
  { articleId: 'returns/policy', packId: 'acme', passage: 'Returns within 30 days.' },
];

/** A device whose agent worked `conversations` conversations saying `texts` in turn. */
function device(
  conversations: number,
  texts: string | readonly string[],
  pick = 'exchange',
): LearnedState {
  const state = emptyLearnedState();
  for (let i = 0; i < conversations; i++) {
    const text = typeof texts === 'string' ? texts : texts[i % texts.length]!;
    const conversationId = `${text}-${i}`;
    const context: ObservedContext = {
      turns: [{ role: 'customer', text }],
      suggestions: { intent: null, articles: cards, replies: [], escalation: [] },
      packs: ['acme@1.2.0'],
    };
    const at = Date.parse('2026-11-03T09:00:00Z') + i * 60_000;
    observeRecord(state, { kind: 'assessed', at, conversationId, escalations: [] }, context);
    observeRecord(
      state,
      {
        kind: 'copied',
        target: 'article',
        id: 'returns/exchange',
        position: 0,
        at,
        conversationId,
      },
      context,
    );
    observeRecord(
      state,
      { kind: 'picked', target: 'intent', id: pick, at, conversationId },
      context,
    );
  }
  return state;
}

const bundle = (state: LearnedState, name: string) =>
  exportBundle(state, { k: 3, since: null, device: name, now: Date.parse('2026-11-04T00:00:00Z') });

describe('team bundles', () => {
  it("keeps a customer's words on the device until they were seen in k conversations", () => {
    const twice = bundle(device(2, 'can I swap this jumper for a larger one'), 'a');
    expect(twice.some((l) => l.kind === 'intent-example')).toBe(false);
    expect(twice.some((l) => l.kind === 'article-term')).toBe(false);
    const thrice = bundle(device(3, 'can I swap this jumper for a larger one'), 'a');
    expect(thrice.filter((l) => l.kind === 'intent-example')).toEqual([
      {
        kind: 'intent-example',
        intentId: 'exchange',
        text: 'can I swap this jumper for a larger one',
        conversations: 3,
      },
    ]);
    expect(thrice.find((l) => l.kind === 'article-term' && l.term === 'jumper')).toMatchObject({
      articleId: 'returns/exchange',
      word: 'jumper',
    });
    for (const line of thrice) expect(BundleLineSchema.safeParse(line).success).toBe(true);
    expect(JSON.stringify(thrice)).not.toContain('"turns"');
  });

  it('proposes what two agents agree on, with how many agreed, and a new minor version', () => {
    const text = 'can I swap this jumper for a larger one';
    const merged = mergeBundle(
      mergeBundle(emptyMerge(), bundle(device(3, text), 'a')),
      bundle(device(4, text), 'b'),
    );
    mergeBundle(merged, bundle(device(3, 'my order never came', 'delivery'), 'c'));
    const proposal = buildProposal(merged, {
      id: 'acme',
      version: '1.2.0',
      intents: [
        { id: 'exchange', examples: ['I want a different size'] },
        { id: 'delivery', examples: ['where is my parcel'] },
      ],
      articles: [{ articleId: 'returns/exchange', title: 'Exchanging an item' }],
      responses: [],
      rules: [],
    });
    expect(proposal.pack).toEqual({ id: 'acme', from: '1.2.0', to: '1.3.0' });
    expect(proposal.agents).toBe(3);
    // The whole example; its own phrases add nothing beside it.
    expect(proposal.examples).toEqual([
      { intentId: 'exchange', text, from: 'example', agents: 2, conversations: 7 },
    ]);
    const words = proposal.aliases
      .find((a) => a.articleId === 'returns/exchange')!
      .words.map((w) => w.word);
    expect(words).toEqual(expect.arrayContaining(['jumper', 'swap']));
    expect(words).not.toContain('exchanging');
  });

  it('carries the phrases customers keep using when no whole example was said k times', () => {
    const said = [
      'what is my routing number',
      'I need the routing number please',
      'routing number for [NAME] please',
    ];
    const lines = bundle(device(3, said, 'routing'), 'a');
    expect(lines.some((l) => l.kind === 'intent-example')).toBe(false);
    const phrases = lines.flatMap((l) => (l.kind === 'intent-phrase' ? [l] : []));
    expect(phrases).toContainEqual({
      kind: 'intent-phrase',
      intentId: 'routing',
      phrase: 'routing number',
      conversations: 3,
    });
    // Said in two conversations only, or holding the mask: stays on the device.
    expect(phrases.map((p) => p.phrase)).not.toContain('please');
    expect(JSON.stringify(phrases)).not.toMatch(/name|need/);
    for (const line of lines) expect(BundleLineSchema.safeParse(line).success).toBe(true);
  });

  it('proposes a phrase two agents agree on, and not one said as much for another intent', () => {
    const routing = ['my routing number please', 'routing number please', 'the routing number'];
    const balance = ['my balance please', 'balance please', 'what balance please', 'balance now'];
    const merged = emptyMerge();
    mergeBundle(merged, bundle(device(3, routing, 'routing'), 'a'));
    mergeBundle(merged, bundle(device(3, routing, 'routing'), 'b'));
    mergeBundle(merged, bundle(device(4, balance, 'balance'), 'c'));
    mergeBundle(merged, bundle(device(4, balance, 'balance'), 'd'));
    const proposal = buildProposal(merged, {
      id: 'acme',
      version: '1.2.0',
      intents: [
        { id: 'routing', examples: ['routing number'] },
        { id: 'balance', examples: ['how much money do I have'] },
      ],
      articles: [],
      responses: [],
      rules: [],
    });
    const of = (intent: string) =>
      proposal.examples.filter((e) => e.intentId === intent).map((e) => e.text);
    // "routing number" is an example already; "please" was said more for balance.
    expect(of('routing').sort()).toEqual(['number', 'routing']);
    expect(of('balance')).toEqual(expect.arrayContaining(['balance', 'balance please', 'please']));
    expect(proposal.examples.find((e) => e.text === 'routing')).toMatchObject({
      from: 'phrase',
      agents: 2,
      conversations: 6,
    });
  });

  it("carries which part answered under a word only once the word passed k, and ranks by words two agents' bundles carry", () => {
    const text = 'can I swap this jumper for a larger one';
    const part = (lines: ReturnType<typeof bundle>) =>
      lines.flatMap((l) => (l.kind === 'passage-term' ? [l] : []));
    expect(part(bundle(device(2, text), 'a'))).toEqual([]);
    const a = bundle(device(3, text), 'a');
    expect(part(a).find((l) => l.term === 'jumper')).toMatchObject({
      passage: passageFingerprint(cards[0]!.passage),
      used: 3,
      dismissed: 0,
    });
    for (const line of a) expect(BundleLineSchema.safeParse(line).success).toBe(true);
    const view = {
      id: 'acme',
      version: '1.2.0',
      intents: [],
      articles: [{ articleId: 'returns/exchange', title: 'Exchanging an item' }],
      responses: [],
      rules: [],
      passages: [
        { articleId: 'returns/exchange', text: cards[0]!.passage },
        { articleId: 'returns/exchange', text: 'Swap an item for another colour.' },
      ],
    };
    // One agent's bundle: nothing ranks yet.
    expect(buildProposal(mergeBundle(emptyMerge(), a), view).ranking).toEqual([]);
    const merged = mergeBundle(mergeBundle(emptyMerge(), a), bundle(device(4, text), 'b'));
    const ranking = buildProposal(merged, view).ranking.filter((e) => e.word === 'jumper');
    expect(ranking).toEqual([
      { word: 'jumper', articleId: 'returns/exchange', used: 7, dismissed: 0, agents: 2 },
      {
        word: 'jumper',
        articleId: 'returns/exchange',
        part: 'Swap an item for another size.',
        used: 7,
        dismissed: 0,
        agents: 2,
      },
    ]);
    // A part of another pack (not in this source) is left out.
    expect(buildProposal(merged, { ...view, passages: [] }).ranking.filter((e) => e.part)).toEqual(
      [],
    );
  });

  it('names a part by the shortest start no other part of its article shares', () => {
    const first = 'Report a parcel as lost from the order page once it is late and more';
    const same = 'Report a parcel as lost from the order page once it is found instead';
    expect(partQuote(first, [first, 'Something else entirely'])).toBe(
      'Report a parcel as lost from the order',
    );
    expect(partQuote(first, [first, same])).toBe(
      'Report a parcel as lost from the order page once it is late',
    );
    expect(partQuote('Short one.', [])).toBe('Short one.');
    expect(partQuote(`${'word '.repeat(100)}end`, []).length).toBeLessThanOrEqual(160);
  });

  it('reports acceptance per pack version, corrections and charts from the merged bundles', () => {
    const merged = mergeBundle(emptyMerge(), bundle(device(3, 'can I swap this jumper'), 'a'));
    const report = teamReport(merged);
    expect(report).toMatchObject({ bundles: 1, devices: 1, conversations: 3 });
    expect(report.period).toEqual({ from: '2026-11-03', to: '2026-11-03' });
    expect(report.corrections).toEqual([{ from: null, to: 'exchange', count: 3 }]);
    expect(teamCharts(report).map((c) => c.id)).toContain('intent-corrections');
  });

  it('counts minor versions up', () => {
    expect(nextMinorVersion('1.4.2')).toBe('1.5.0');
    expect(nextMinorVersion('0.9.0-beta.1')).toBe('0.10.0');
  });
});
