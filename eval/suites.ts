import { clinc150Suite } from './clinc150-suite';
import { conversationsSuite } from './conversations-suite';
import { dialogsumSuite } from './dialogsum-suite';
import { hwu64Suite } from './hwu64-suite';
import { piiSuite } from './pii-suite';
import { doc2dialSuite } from './doc2dial-suite';
import { loopSuite } from './loop-suite';
/** Every evaluation suite `npm run eval` knows; each returns its report as text (tables). */
export interface EvalSuite {
  readonly name: string;
  /** The printed report, or a line saying why the suite was skipped. */
  run(): Promise<string>;
}

export const suites: readonly EvalSuite[] = [
  // ── knowledge: doc2dial ──
  doc2dialSuite,
  // ── assist: clinc150, hwu64, dialogsum, pii, conversations ──
  clinc150Suite,
  hwu64Suite,
  piiSuite,
  dialogsumSuite,
  conversationsSuite,
  // ── learning: the loop ──
  loopSuite,
];
