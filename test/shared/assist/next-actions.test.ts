import { describe, expect, it } from 'vitest';
import { checklist } from '../../../shared/assist/next-actions';

const RETURN_PLAYBOOK = {
  nextActions: [
    { id: 'verify', text: "Verify the customer's identity" },
    { id: 'lookup', text: 'Look up the order' },
    { id: 'reason', text: 'Record the reason for the return' },
    { id: 'refund', text: 'Offer a refund or an exchange' },
    { id: 'address', text: 'Confirm the shipping address' },
    { id: 'label', text: 'Send the prepaid return label' },
    { id: 'wrap', text: 'Ask if there is anything else' },
  ],
};

const customer = (text: string) => ({ role: 'customer' as const, text });
const agent = (text: string) => ({ role: 'agent' as const, text });
const none = new Map<string, boolean>();

const doneIds = (rows: ReturnType<typeof checklist>) => rows.filter((r) => r.done).map((r) => r.id);
const suggestedIds = (rows: ReturnType<typeof checklist>) =>
  rows.filter((r) => r.suggested).map((r) => r.id);

describe('checklist', () => {
  it('lists the playbook, nothing done before the agent acts', () => {
    const rows = checklist(
      RETURN_PLAYBOOK,
      [customer('I want to return a dress that does not fit')],
      none,
    );
    expect(rows.map((r) => r.text)).toEqual(RETURN_PLAYBOOK.nextActions.map((a) => a.text));
    expect(doneIds(rows)).toEqual([]);
  });

  it('suggests a look-up the agent asked for in other words (identity check by name and e-mail)', () => {
    const rows = checklist(
      RETURN_PLAYBOOK,
      [
        customer('I want to return a dress that does not fit'),
        agent('Of course. Can I have your full name and the email on the account?'),
      ],
      none,
    );
    expect(doneIds(rows)).toEqual([]);
    expect(rows[0]).toEqual({
      id: 'verify',
      text: "Verify the customer's identity",
      done: false,
      suggested: true,
      by: 'engine',
    });
  });

  it('ticks a step only when the agent says it was done, never when it is asked about', () => {
    const steps = {
      nextActions: [
        { id: 'ask-current', text: 'Ask for the current street address' },
        { id: 'enter-new', text: 'Enter the new street address and update the account' },
      ],
    };
    const asked = [
      customer('I moved and need to change my address'),
      agent('Sure. What is the current street address on the account?'),
      customer('7 Oak Lane'),
      agent('Thanks. What is the new street address?'),
    ];
    const rows = checklist(steps, asked, none);
    expect(doneIds(rows)).toEqual(['ask-current']);
    expect(suggestedIds(rows)).toEqual([]);
    const will = checklist(
      steps,
      [...asked, agent("I'll update the address on the account now.")],
      none,
    );
    expect(suggestedIds(will)).toEqual(['enter-new']);
    const done = checklist(
      steps,
      [...asked, customer('12 Elm Road'), agent("I've updated the address on your account.")],
      none,
    );
    expect(doneIds(done)).toEqual(['ask-current', 'enter-new']);
    const sent = checklist(
      {
        nextActions: [
          { id: 'send', text: 'Send the reset code and the link to security best practices' },
        ],
      },
      [agent('I have sent the reset code to your email.')],
      none,
    );
    expect(doneIds(sent)).toEqual(['send']);
  });

  it('follows a whole return conversation', () => {
    const turns = [
      customer("Hi, the jeans I bought are the wrong size and I'd like to send them back"),
      agent(
        'I can help with that. Could you give me your full name and the email address on your account?',
      ),
      customer('Maria Lopez, maria.lopez@example.com'),
      agent("Thanks Maria. What's the order number so I can pull up the order?"),
      customer('WB-48213'),
      agent(
        'Found it. I can refund you in full or exchange them for a different size, which would you prefer?',
      ),
      customer('A refund please'),
      agent("Done. I've emailed you a prepaid label; drop the parcel at any post office."),
    ];
    const rows = checklist(RETURN_PLAYBOOK, turns, none);
    // The look-ups were asked for, not reported done: suggested for the agent to confirm.
    expect(doneIds(rows)).toEqual(['refund', 'label']);
    expect(suggestedIds(rows)).toEqual(['verify', 'lookup']);
  });

  it('does not tick a step the agent says it cannot do', () => {
    const rows = checklist(
      RETURN_PLAYBOOK,
      [
        customer('I want my money back for this sale item'),
        agent("I'm afraid we can't refund sale items."),
      ],
      none,
    );
    expect(doneIds(rows)).not.toContain('refund');
  });

  it("ignores the customer's own words and agent turns from before the intent was detected", () => {
    const turns = [
      agent('Can I have your full name and the email on the account?'),
      customer('Sure. Also can you look up my order and refund it?'),
    ];
    expect(suggestedIds(checklist(RETURN_PLAYBOOK, turns, none, { sinceTurn: 1 }))).toEqual([]);
    expect(suggestedIds(checklist(RETURN_PLAYBOOK, turns, none, { sinceTurn: 0 }))).toEqual([
      'verify',
    ]);
  });

  it("lets the agent's tick and untick win over the engine", () => {
    const turns = [
      customer('return please'),
      agent('Can I have your full name and the email on the account?'),
    ];
    const manual = new Map([
      ['verify', false],
      ['address', true],
    ]);
    const rows = checklist(RETURN_PLAYBOOK, turns, manual);
    expect(rows.find((r) => r.id === 'verify')).toMatchObject({ done: false, by: 'agent' });
    expect(rows.find((r) => r.id === 'address')).toMatchObject({ done: true, by: 'agent' });
  });

  it('ticks a step outside the paraphrase table when the agent uses its key words', () => {
    const rows = checklist(
      { nextActions: [{ id: 'size', text: 'Update the saved size preference' }] },
      [agent("I've updated your saved size preference to medium.")],
      none,
    );
    expect(rows[0]?.done).toBe(true);
  });

  it("follows the acme-retail pack's steps (ABCD wording) turn by turn", () => {
    const steps = {
      nextActions: [
        {
          id: 'pull-up-account',
          text: "Pull up the account with the customer's full name or account ID",
        },
        {
          id: 'validate-purchase',
          text: 'Validate the purchase: username, email address and order ID',
        },
        { id: 'log-out-in', text: 'Ask them to log out and back in' },
        {
          id: 'promo',
          text: 'If they are still unhappy, offer a promo code for 20% off the next purchase',
        },
        { id: 'anything-else', text: 'Ask if there is anything else you can help with' },
      ],
    };
    const turns = [
      customer('Hi, my jeans arrived in the wrong size'),
      agent(
        'Hi, thanks for contacting Acme Retail! Could I have your full name or your account ID, please?',
      ),
      customer('Joseph Banter'),
      agent(
        'Thanks, Joseph. Could you give me your username, the email address on the account and the order ID?',
      ),
      customer('jbanter, jb@example.com, 3348917502'),
      agent('Could you log out and log back in, then try the page again?'),
      agent('Is there anything else I can help you with today, Joseph?'),
    ];
    const after = (n: number) => {
      const rows = checklist(steps, turns.slice(0, n), none);
      return { done: doneIds(rows), suggested: suggestedIds(rows) };
    };
    expect(after(1)).toEqual({ done: [], suggested: [] });
    expect(after(2)).toEqual({ done: [], suggested: ['pull-up-account'] });
    expect(after(4)).toEqual({ done: [], suggested: ['pull-up-account', 'validate-purchase'] });
    expect(after(7)).toEqual({
      done: ['log-out-in', 'anything-else'],
      suggested: ['pull-up-account', 'validate-purchase'],
    });
  });

  it('is empty without an intent', () => {
    expect(checklist(null, [agent('Hello')], none)).toEqual([]);
  });
});
