/** The live transcript as the UI keeps it: partials replaced in place by newer partials and finals. */
import type { TranscriptSegment } from '../schemas/speech';

/** Segments kept in the panel; older ones are in the assist conversation anyway. */
export const TRANSCRIPT_LIMIT = 500;

/**
 * Put a segment into the transcript: it replaces the segment with its id (a partial by a
 * newer partial or its final; a final by its correction), never a final by a partial; new
 * ones go in time order.
 */
export function mergeSegment(
  transcript: readonly TranscriptSegment[],
  segment: TranscriptSegment,
): TranscriptSegment[] {
  const at = transcript.findIndex((s) => s.id === segment.id);
  if (at >= 0) {
    if (transcript[at]!.final && !segment.final) return [...transcript];
    return transcript.map((s, i) => (i === at ? segment : s));
  }
  const next = [...transcript];
  let insert = next.length;
  while (insert > 0 && next[insert - 1]!.start > segment.start) insert--;
  next.splice(insert, 0, segment);
  return next.slice(-TRANSCRIPT_LIMIT);
}
