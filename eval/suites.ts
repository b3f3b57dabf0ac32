/** Every evaluation suite `npm run eval` knows; each returns its report as text (tables). */
export interface EvalSuite {
  readonly name: string;
  /** The printed report, or a line saying why the suite was skipped. */
  run(): Promise<string>;
}

export const suites: readonly EvalSuite[] = [
  // ── knowledge: doc2dial ──
  // ── assist: clinc150, dialogsum, pii ──
];
