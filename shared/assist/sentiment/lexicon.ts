/**
 * A compact sentiment lexicon for customer-service language, on VADER's -4..4 valence scale.
 * Words are looked up as typed, then by Porter stem, so "refunded" finds "refund" and
 * "cancelling" finds "cancel". Domain words carry the mood they have in a support chat
 * ("refund" leans negative: the customer wants money back; "resolved" is positive).
 */
import { porterStem } from '../../knowledge/stemmer';

const WORDS = `
amazing 3.2 awesome 3.1 excellent 3.2 fantastic 3.2 brilliant 3 perfect 3 wonderful 3.1 great 3.1
superb 3.1 outstanding 3.2 lovely 2.8 love 3.1 loved 3 delighted 3 thrilled 3 impressed 2.4
happy 2.7 glad 2.2 pleased 2.3 satisfied 2 good 1.9 nice 1.8 fine 0.8 ok 0.6 okay 0.6 cool 1.3
thanks 1.9 thank 1.6 thankful 2.2 grateful 2.4 appreciate 2 appreciated 2.1 helpful 2.2 kind 2
friendly 2.1 polite 1.6 patient 1.4 quick 1.2 fast 1.1 easy 1.5 smooth 1.4 simple 1 clear 1.1
works 1.1 working 0.9 fixed 1.6 resolved 1.8 solved 1.7 sorted 1.4 success 2 successful 2
relieved 1.9 reassured 1.7 recommend 1.6 best 2.6 better 1.8 improved 1.6 fair 1.2 reasonable 1.2
excited 2.1 enjoy 2.2 enjoyed 2.2 wow 2.3 yay 2.4 welcome 1.6 cheers 1.4 legend 2 star 1.2
bad -2.5 terrible -3.1 awful -3.1 horrible -3.1 dreadful -3 worst -3.1 worse -2.2 poor -2.1
useless -2.5 pathetic -2.9 ridiculous -2.3 absurd -2 joke -1.4 disgrace -2.9 disgraceful -3
disgusting -3 shocking -2.3 appalling -3 unacceptable -2.7 outrageous -2.6 incompetent -2.8
angry -2.9 furious -3.2 livid -3.1 mad -2.2 annoyed -2 irritated -2 frustrated -2.4 frustrating -2.3
frustration -2.3 upset -2.3 sad -2.1 unhappy -2.2 disappointed -2.2 disappointing -2.3
disappointment -2.3 fed -1.2 sick -1.8 tired -1.3 worried -1.9 worry -1.5 anxious -1.9
stressed -2.1 stress -1.8 confused -1.3 confusing -1.5 lost -1.3 scared -2 afraid -1.8
hate -2.9 hated -2.9 dislike -1.8 sucks -2.4 crap -2.4 rubbish -2.3 garbage -2.4 damn -1.8
hell -1.5 wtf -2.6 ugh -1.8 argh -2 seriously -0.8 nightmare -2.8 disaster -2.9 mess -1.8
broken -2.2 broke -1.6 faulty -2.2 defective -2.3 damaged -2.2 crashed -2 crash -1.9 crashes -2
fail -2.2 failed -2.2 failing -2.2 failure -2.4 error -1.6 errors -1.6 bug -1.4 glitch -1.5
problem -1.6 problems -1.7 issue -1.1 issues -1.2 trouble -1.7 wrong -2 missing -1.5 lost -1.3
late -1.5 delayed -1.6 delay -1.4 slow -1.5 stuck -1.7 waiting -1.1 wait -0.8 ignored -2.2
overcharged -2.5 charged -0.8 scam -3 fraud -2.8 stolen -2.7 cheated -2.7 lied -2.6 lie -2.2
misleading -2.2 rude -2.5 unhelpful -2.3 hopeless -2.6 pointless -2 waste -2.2 wasted -2.2
refund -0.6 complaint -1.9 complain -1.8 cancel -1 cancelled -1.1 cancelling -1.1 leave -0.5
annoying -2.1 unreliable -2.1 expensive -1.3 overpriced -1.9 difficult -1.4 hard -0.8
impossible -1.8 sorry -0.6 apologies -0.3 unfortunately -1.3 sadly -1.5 hopefully 0.8 yes 0.3
kidding -0.6 never -0.3 ashamed -2.1 embarrassing -2.1 lousy -2.6 meh -1 sigh -1.2
gorgeous 2.8 superb 3 incredible 2.9 spot-on 2.4 lifesaver 2.8 hero 2.3 genius 2.4 champion 2.2
reliable 1.8 efficient 1.8 professional 1.7 responsive 1.6 prompt 1.4 seamless 1.9 useful 1.8
valuable 1.9 generous 2.1 fabulous 3 terrific 3 marvellous 3 calm 1 safe 1.2 secure 1.2
understanding 1.5 sympathetic 1.5 honest 1.6 trust 1.4 trusted 1.5 confident 1.6 hope 1 hopeful 1.6
yikes -1.8 infuriating -3 infuriated -3 outraged -3 enraged -3.1 fuming -3 irate -2.9 cross -1.3
shambles -2.7 fiasco -2.6 farce -2.5 con -2 ripoff -2.8 rip-off -2.8 extortion -2.9 robbery -2.7
stupid -2.4 idiotic -2.7 clueless -2.2 careless -2 negligent -2.5 unprofessional -2.5 lazy -2
hassle -1.9 chaos -2.2 inconvenient -1.7 inconvenience -1.7 unusable -2.4 unresponsive -2
frozen -1.3 freezes -1.5 lagging -1.4 corrupted -2 unbearable -2.8 miserable -2.8 devastated -3.1
heartbroken -3 distressed -2.5 desperate -2.4 helpless -2.3 threatened -2.2 harassed -2.7
disrespected -2.5 betrayed -2.8 neglected -2.2 doubt -1.1 suspicious -1.5 regret -1.9 unfair -2.1
`;

/** Multi-word expressions scored as one unit (checked before single words). */
export const PHRASES: readonly (readonly [string, number])[] = [
  ['no problem', 1.5],
  ['no worries', 1.5],
  ['not bad', 1.2],
  ['waste of time', -2.6],
  ['fed up', -2.4],
  ['sick of', -2.4],
  ['not working', -2],
  ["doesn't work", -2],
  ['does not work', -2],
  ['still waiting', -2],
  ['sort it out', -1.2],
  ['thank you', 2],
  ['well done', 2.2],
  ['over the moon', 3],
  ['had enough', -2.2],
  ['worst ever', -3.3],
];

/** Emoticons and emoji with their valence. */
export const EMOTICONS: ReadonlyMap<string, number> = new Map([
  [':)', 2],
  [':-)', 2],
  [':D', 2.5],
  [';)', 1.5],
  ['<3', 2.5],
  [':(', -2],
  [':-(', -2],
  [':/', -1.2],
  [":'(", -2.4],
  ['😊', 2.2],
  ['🙂', 1.8],
  ['😀', 2.3],
  ['😃', 2.3],
  ['👍', 1.8],
  ['❤', 2.5],
  ['🙏', 1.4],
  ['😞', -2.1],
  ['😠', -2.6],
  ['😡', -2.9],
  ['😢', -2.2],
  ['👎', -2],
  ['🤬', -3.2],
]);

const byWord = new Map<string, number>();
const byStem = new Map<string, number>();
const parts = WORDS.trim().split(/\s+/);
for (let i = 0; i + 1 < parts.length; i += 2) {
  const word = parts[i]!;
  const valence = Number(parts[i + 1]);
  byWord.set(word, valence);
  const stem = porterStem(word);
  if (!byStem.has(stem)) byStem.set(stem, valence);
}

/** The valence of a lower-cased word (-4..4), or 0 when the lexicon does not know it. */
export function wordValence(word: string): number {
  return byWord.get(word) ?? byStem.get(porterStem(word)) ?? 0;
}

/** How many words the lexicon holds (for the docs). */
export const LEXICON_SIZE = byWord.size + PHRASES.length + EMOTICONS.size;
