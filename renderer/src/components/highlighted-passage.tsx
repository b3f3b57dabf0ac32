/** A passage with its matched terms marked, from the `highlights` ranges retrieval returns. */

/** One run of the passage: matched or not. */
export interface PassageSegment {
  text: string;
  matched: boolean;
}

/**
 * Split `text` into plain and matched runs. Ranges are [start, end) character offsets; they
 * are clamped to the text, sorted and merged, so overlapping or out-of-range ranges from a
 * service never break the card.
 */
export function passageSegments(
  text: string,
  ranges: readonly (readonly [number, number])[] = [],
): PassageSegment[] {
  const merged: [number, number][] = [];
  const sorted = ranges
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as [number, number])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: PassageSegment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), matched: false });
    segments.push({ text: text.slice(start, end), matched: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), matched: false });
  return segments;
}

export interface HighlightedPassageProps {
  text: string;
  highlights?: readonly (readonly [number, number])[];
}

export function HighlightedPassage({ text, highlights }: HighlightedPassageProps) {
  return (
    <p className="knowledge-card__passage">
      {passageSegments(text, highlights).map((segment, index) => {
        // Blank lines between blocks would open tall gaps on a small card; one break is enough.
        const shown = segment.text.replace(/\n\s*\n/g, '\n');
        return segment.matched ? (
          <mark key={index} className="knowledge-card__match">
            {shown}
          </mark>
        ) : (
          <span key={index}>{shown}</span>
        );
      })}
    </p>
  );
}
