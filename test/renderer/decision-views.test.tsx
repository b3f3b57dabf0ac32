/**
 * What the decision pieces show, rendered to HTML (no DOM here: the keys and clicks are covered
 * by test/e2e/decide.spec.ts): intent candidates with their keys, the intent by its label, a
 * withheld reply without a copy, a reply's blanks named, flags with severity in words, and the
 * handoff's rows.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EscalationFlags } from '../../renderer/src/components/escalation-flags';
import { IntentBar } from '../../renderer/src/components/intent-bar';
import { ReplyCard } from '../../renderer/src/components/reply-card';
import { handoffRows } from '../../renderer/src/panels/summary-panel';
import type { ReplySuggestion } from '../../shared/schemas/assist';

const noop = () => {};

describe('IntentBar', () => {
  it('offers the candidates by label with keys 1..3 and 0 for none, one Tab stop', () => {
    const html = renderToStaticMarkup(
      <IntentBar
        intent={null}
        candidates={[
          { id: 'order_issue.status', label: 'Order status', confidence: 0.4 },
          { id: 'shipping_issue.status', label: 'Where is my parcel', confidence: 0.15 },
        ]}
        assessed
        onPick={noop}
      />,
    );
    expect(html).toContain('Which does the customer want?');
    expect(html).toMatch(/aria-keyshortcuts="1"[^>]*>.*?1<\/kbd>Order status/);
    expect(html).toMatch(/aria-keyshortcuts="2"[^>]*>.*?Where is my parcel/);
    expect(html).toMatch(/aria-keyshortcuts="0"[^>]*>.*?None of these/);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).not.toContain('order_issue.status<');
  });

  it('shows the intent by its label, never its id, and says when the agent picked it', () => {
    const intent = { id: 'manage_account.change_address', label: 'Change address', confidence: 1 };
    const engine = renderToStaticMarkup(
      <IntentBar intent={intent} candidates={[]} assessed onPick={noop} />,
    );
    expect(engine).toContain('Change address');
    expect(engine).not.toContain('manage_account');
    expect(
      renderToStaticMarkup(
        <IntentBar intent={{ ...intent, by: 'agent' }} candidates={[]} assessed onPick={noop} />,
      ),
    ).toContain('you picked it');
  });
});

describe('ReplyCard', () => {
  const card = (reply: ReplySuggestion, filling = false) =>
    renderToStaticMarkup(
      <ReplyCard
        reply={reply}
        replyKey={reply.id ?? 'r'}
        highlighted
        copied={false}
        filling={filling}
        thumb={undefined}
        onHighlight={noop}
        onSelect={noop}
        onCopy={noop}
        onCancelFill={noop}
        onThumb={noop}
      />,
    );

  it('shows a withheld reply with its reason and no copy', () => {
    const html = card({
      id: 'refund',
      text: 'I have refunded you.',
      source: 'canned',
      withheld: 'A chargeback is open: do not promise a refund',
    });
    expect(html).toMatch(/Don(&#x27;|')t send this now\./);
    expect(html).toContain('A chargeback is open: do not promise a refund');
    expect(html).not.toMatch(/>Copy</);
    expect(html).toContain('reply-card--withheld');
  });

  it('names its blanks, and opens a field per blank to fill before the copy', () => {
    const reply: ReplySuggestion = {
      id: 'sent',
      text: 'Your order [order id] arrives [date].',
      source: 'canned',
      missing: ['order_id', 'date'],
      blanks: [
        { name: 'order_id', label: 'order id' },
        { name: 'date', label: 'date' },
      ],
    };
    expect(card(reply)).toContain('Fill in before sending: order id, date');
    expect(card(reply)).toContain('Fill in and copy');
    const open = card(reply, true);
    expect(open.match(/<input[^>]*type="text"/g)).toHaveLength(2);
    expect(open).toContain('Next blank');
  });
});

describe('EscalationFlags', () => {
  it('says the severity in words and links the turn', () => {
    const html = renderToStaticMarkup(
      <EscalationFlags
        flags={[
          { reason: 'Legal threat', severity: 'high', turn: 2, ruleId: 'legal' },
          { reason: 'Repeated attempts', severity: 'medium', turn: 1 },
        ]}
        onDismiss={noop}
      />,
    );
    expect(html).toMatch(/High<\/span><span class="escalation-flag__reason">Legal threat/);
    expect(html).toMatch(/Medium<\/span><span class="escalation-flag__reason">Repeated/);
    expect(html).toContain('href="#turn-2"');
    // Only a flag with a rule can be dismissed.
    expect(html.match(/Not an escalation here/g)).toHaveLength(2);
  });
});

describe('handoffRows', () => {
  it('reads who, Issue, Tried, Outcome, Next step, then the details', () => {
    expect(
      handoffRows({
        gist: '',
        customer: 'Maria Lopez',
        issueStatement: 'My parcel never arrived.',
        tried: ['Checked the tracking', 'Sent a replacement'],
        outcome: 'Replacement sent',
        nextStep: 'Confirm delivery on Friday',
        details: [{ label: 'Order', value: '4417-2209' }],
      }),
    ).toEqual([
      ['Customer', 'Maria Lopez'],
      ['Issue', 'My parcel never arrived.'],
      ['Tried', 'Checked the tracking; Sent a replacement'],
      ['Outcome', 'Replacement sent'],
      ['Next step', 'Confirm delivery on Friday'],
      ['Order', '4417-2209'],
    ]);
  });
});
