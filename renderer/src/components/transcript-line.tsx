import { useState } from 'react';
import type { TranscriptSegment } from '../../../shared/schemas/speech';

const clock = (seconds: number) => {
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.floor(seconds - m * 60)).padStart(2, '0')}`;
};

export interface TranscriptLineProps {
  segment: TranscriptSegment;
  onCorrect(id: string, text: string): void;
}

/** One utterance: who, when, what. Partials are greyed; a final can be corrected in place. */
export function TranscriptLine({ segment, onCorrect }: TranscriptLineProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const who = segment.speaker === 'agent' ? 'Agent' : 'Customer';
  return (
    <li
      className={`transcript-line transcript-line--${segment.speaker}${segment.final ? '' : ' transcript-line--partial'}`}
      data-final={segment.final}
      data-segment-id={segment.id}
    >
      <span className="transcript-line__who">{who}</span>
      <span className="transcript-line__time">{clock(segment.start)}</span>
      {draft === null ? (
        <span className="transcript-line__text">
          {segment.text || '…'}
          {segment.final ? (
            <button
              type="button"
              className="button button--small button--ghost transcript-line__edit"
              aria-label={`Correct what the ${who.toLowerCase()} said at ${clock(segment.start)}`}
              onClick={() => setDraft(segment.text)}
            >
              {segment.edited ? 'Corrected' : 'Correct'}
            </button>
          ) : (
            <span className="visually-hidden"> (still listening)</span>
          )}
        </span>
      ) : (
        <form
          className="transcript-line__form"
          onSubmit={(event) => {
            event.preventDefault();
            onCorrect(segment.id, draft);
            setDraft(null);
          }}
        >
          <input
            className="transcript-line__input"
            aria-label={`Corrected text of the ${who.toLowerCase()}`}
            value={draft}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setDraft(null);
            }}
          />
          <button type="submit" className="button button--small">
            Save
          </button>
        </form>
      )}
    </li>
  );
}
