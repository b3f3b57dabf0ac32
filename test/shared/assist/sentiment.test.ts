import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../../shared/assist/sentiment/score-sentiment';
import { sentimentTrend } from '../../../shared/assist/sentiment/sentiment-trend';

describe('scoreSentiment', () => {
  it('reads plain praise and complaints', () => {
    expect(scoreSentiment('Thank you so much, that was really helpful!')).toBeGreaterThan(0.5);
    expect(scoreSentiment('This is the worst service I have ever had.')).toBeLessThan(-0.4);
  });

  it('is neutral on factual messages', () => {
    expect(scoreSentiment('My order number is 48213 and it was sent on Monday.')).toBe(0);
  });

  it('flips and damps words in a negation scope', () => {
    const happy = scoreSentiment('I am happy with the replacement');
    const notHappy = scoreSentiment('I am not happy with the replacement');
    expect(notHappy).toBeLessThan(0);
    expect(Math.abs(notHappy)).toBeLessThan(Math.abs(happy));
    expect(scoreSentiment("I don't love the new app")).toBeLessThan(0);
    expect(scoreSentiment('no problem at all')).toBeGreaterThan(0);
  });

  it('scales with intensifiers and diminishers', () => {
    const plain = scoreSentiment('The app is annoying');
    expect(scoreSentiment('The app is really annoying')).toBeLessThan(plain);
    expect(scoreSentiment('The app is slightly annoying')).toBeGreaterThan(plain);
  });

  it('weighs the clause after "but" most', () => {
    expect(scoreSentiment('The agent was friendly but the refund is still missing')).toBeLessThan(
      0,
    );
    expect(scoreSentiment('It was broken for a week but you fixed it, thanks')).toBeGreaterThan(0);
  });

  it('amplifies with exclamation marks and CAPS', () => {
    const plain = scoreSentiment('I am angry about this');
    expect(scoreSentiment('I am angry about this!!!')).toBeLessThan(plain);
    expect(scoreSentiment('I am ANGRY about this')).toBeLessThan(plain);
  });

  it('reads emoticons and emoji', () => {
    expect(scoreSentiment('got it :)')).toBeGreaterThan(0);
    expect(scoreSentiment('still nothing 😡')).toBeLessThan(0);
  });

  it('stays within [-1, 1]', () => {
    const rant = 'TERRIBLE awful horrible useless disgusting worst ever!!!! '.repeat(5);
    expect(scoreSentiment(rant)).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment('amazing wonderful perfect '.repeat(20))).toBeLessThanOrEqual(1);
  });
});

describe('sentimentTrend', () => {
  it('sees a customer calming down or getting angrier', () => {
    expect(sentimentTrend([-0.7, NaN, -0.4, NaN, 0.5])).toBe('improving');
    expect(sentimentTrend([0.3, NaN, 0, -0.6])).toBe('worsening');
  });

  it('is steady with little change or too few scores', () => {
    expect(sentimentTrend([-0.1, 0, 0.05])).toBe('steady');
    expect(sentimentTrend([0.9])).toBe('steady');
    expect(sentimentTrend([])).toBe('steady');
  });
});
