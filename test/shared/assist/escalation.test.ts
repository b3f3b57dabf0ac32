import { describe, expect, it } from 'vitest';
import {
  escalationFlags,
  type EscalationTurn,
} from '../../../shared/assist/escalation/escalation-flags';
import type { EscalationRule } from '../../../shared/packs/pack-schemas';
import { scoreSentiment } from '../../../shared/assist/sentiment/score-sentiment';

const c = (text: string): EscalationTurn => ({ role: 'customer', text });
const a = (text: string): EscalationTurn => ({ role: 'agent', text });

function flags(
  turns: EscalationTurn[],
  rules: EscalationRule[] = [],
  intentId: string | null = null,
) {
  const sentiment = turns.map((t) => (t.role === 'customer' ? scoreSentiment(t.text) : NaN));
  return escalationFlags(turns, { rules, intentId, sentiment });
}

const reasons = (fs: { reason: string }[]) => fs.map((f) => f.reason).sort();

describe('escalationFlags built-ins', () => {
  it('flags a legal threat at the turn that made it', () => {
    const fs = flags([
      c('My parcel is late'),
      a('Let me check'),
      c('I will take you to court over this'),
    ]);
    expect(fs).toContainEqual(
      expect.objectContaining({ reason: 'Legal threat', severity: 'high', turn: 2 }),
    );
  });

  it('ignores a negated threat', () => {
    expect(reasons(flags([c("I'm not going to sue, I just want my money back")]))).not.toContain(
      'Legal threat',
    );
    expect(reasons(flags([c("I don't want to cancel my subscription")]))).not.toContain(
      'Cancellation or churn risk',
    );
  });

  it('matches on word boundaries and stems', () => {
    expect(reasons(flags([c('There is an issue with my bill')]))).toEqual([]);
    expect(reasons(flags([c('I am cancelling my subscription today')]))).toContain(
      'Cancellation or churn risk',
    );
  });

  it('flags vulnerability and hardship', () => {
    const fs = flags([
      c('My husband passed away last month'),
      c("and I can't afford the bill now"),
    ]);
    expect(fs).toContainEqual(expect.objectContaining({ reason: 'Vulnerable customer', turn: 0 }));
    expect(fs).toContainEqual(expect.objectContaining({ reason: 'Financial hardship', turn: 1 }));
  });

  it('flags repeated failed attempts, but not a friendly "again"', () => {
    expect(reasons(flags([c('This is the third time I have called about this')]))).toContain(
      'Repeated failed attempts',
    );
    expect(reasons(flags([c('It failed again, useless')]))).toContain('Repeated failed attempts');
    expect(reasons(flags([c('Thanks again, that is great')]))).not.toContain(
      'Repeated failed attempts',
    );
  });

  it('flags anger rising across customer turns', () => {
    const fs = flags([
      c('Hi, my order has not arrived'),
      a('Sorry, let me look'),
      c('This is annoying, it was due last week'),
      c('This is ridiculous and I am really angry now'),
    ]);
    expect(fs).toContainEqual(expect.objectContaining({ reason: 'Anger rising', turn: 3 }));
  });

  it('never flags agent turns', () => {
    expect(flags([a('You can cancel your subscription or speak to a lawyer')])).toEqual([]);
  });

  it('gives one flag per reason, at the earliest turn', () => {
    const fs = flags([c('I want to cancel my account'), c('Cancel my account now')]);
    expect(fs.filter((f) => f.reason === 'Cancellation or churn risk')).toHaveLength(1);
    expect(fs[0]!.turn).toBe(0);
  });
});

describe('escalationFlags pack rules', () => {
  const rule = (r: Partial<EscalationRule>): EscalationRule => ({
    id: 'r1',
    reason: 'Data breach',
    severity: 'high',
    phrases: [],
    intents: [],
    ...r,
  });

  it('matches rule phrases', () => {
    const fs = flags(
      [c('hello'), c('I think my account was hacked')],
      [rule({ phrases: ['account hacked', 'was hacked'] })],
    );
    expect(fs).toContainEqual({
      reason: 'Data breach',
      severity: 'high',
      turn: 1,
      ruleId: 'r1',
      concern: 'r1',
    });
  });

  it('fires on the detected intent and on a sentiment floor', () => {
    const byIntent = flags(
      [c('the card is gone')],
      [rule({ intents: ['lost_card'] })],
      'lost_card',
    );
    expect(reasons(byIntent)).toContain('Data breach');
    const bySentiment = flags(
      [c('fine'), c('this is awful and useless')],
      [rule({ sentimentBelow: -0.5 })],
    );
    expect(bySentiment).toContainEqual(expect.objectContaining({ reason: 'Data breach', turn: 1 }));
  });

  it("raises the intent's own escalate reason", () => {
    const fs = escalationFlags([c('I need a new card')], {
      rules: [],
      intentId: 'new_card',
      intentEscalate: 'Card team',
      sentiment: [NaN],
    });
    expect(fs).toEqual([
      {
        reason: 'Card team',
        severity: 'medium',
        turn: 0,
        ruleId: 'intent:new_card',
        concern: 'intent:new_card',
      },
    ]);
  });

  it("merges the intent's escalate reason with a built-in trigger of the same concern", () => {
    const fs = escalationFlags([c('my card was stolen')], {
      rules: [],
      intentId: 'stolen_card',
      intentEscalate: 'Fraud team',
      sentiment: [NaN],
    });
    expect(fs).toEqual([
      {
        reason: 'Fraud team',
        severity: 'high',
        turn: 0,
        ruleId: 'intent:stolen_card',
        concern: 'chargeback',
      },
    ]);
  });
});

describe('escalationFlags: one flag per concern', () => {
  const churn: EscalationRule = {
    id: 'churn-risk',
    reason: 'Thinking of leaving: offer the retention options',
    severity: 'medium',
    phrases: ['cancel my account', 'taking my business elsewhere'],
    intents: [],
  };
  const chargeback: EscalationRule = {
    id: 'chargeback-fraud',
    reason: 'Chargeback or suspected fraud: follow the fraud process',
    severity: 'high',
    phrases: ['chargeback', 'dispute with my bank'],
    intents: [],
  };
  const hardship: EscalationRule = {
    id: 'money-trouble',
    reason: 'Offer the payment plan',
    severity: 'low',
    phrases: ['lost my job'],
    intents: [],
  };

  it('merges a built-in trigger and a pack rule of the same concern into the pack wording', () => {
    const fs = flags([c('I want to cancel my account, this is the worst')], [churn]);
    const churnFlags = fs.filter((f) => f.concern === 'churn');
    expect(churnFlags).toEqual([
      {
        reason: 'Thinking of leaving: offer the retention options',
        severity: 'medium',
        turn: 0,
        ruleId: 'churn-risk',
        concern: 'churn',
      },
    ]);
  });

  it('uses the pack wording even when only the built-in phrase fired, with the higher severity', () => {
    // "can't afford" is a built-in hardship phrase (high); the pack's rule only says "lost my job".
    const fs = flags([c("I can't afford the bill this month")], [hardship]);
    expect(fs).toEqual([
      expect.objectContaining({
        reason: 'Offer the payment plan',
        severity: 'high',
        ruleId: 'money-trouble',
        concern: 'hardship',
      }),
    ]);
  });

  it('matches across inflection and a few inserted words, but not across clauses or negation', () => {
    const raised = (text: string) => flags([c(text)], [chargeback]).map((f) => f.concern);
    expect(raised("I'm going to dispute the charge with my bank")).toContain('chargeback');
    expect(raised('I am disputing it with my bank today')).toContain('chargeback');
    expect(raised('I will not dispute this with my bank')).not.toContain('chargeback');
    expect(raised('Please dispute nothing. With my bank all is fine')).not.toContain('chargeback');
    expect(flags([c("I don't want to cancel my account")], [churn])).toEqual([]);
    expect(flags([c("I'm not happy, I want to cancel my account")], [churn])).toHaveLength(1);
  });

  it('raises one flag per concern for one angry message', () => {
    const fs = flags(
      [
        c(
          "This is ridiculous. I'm going to dispute the charge with my bank and cancel my account.",
        ),
      ],
      [churn, chargeback],
    );
    const concerns = fs.map((f) => f.concern);
    expect(new Set(concerns).size).toBe(concerns.length);
    expect(concerns).toEqual(expect.arrayContaining(['chargeback', 'churn']));
  });
});
