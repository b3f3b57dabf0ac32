/** The generated reply as it streams: labelled generated, with its sources and a stop button. */
import type { GenerationState } from '../../../shared/schemas/assist';
import { MaskedText } from './masked-text';

export interface GeneratedReplyProps {
  generation: GenerationState;
  onStop(): void;
  onCopy(text: string): void;
}

export function GeneratedReply({ generation, onStop, onCopy }: GeneratedReplyProps) {
  const streaming = generation.status === 'streaming';
  return (
    <section className="generated-reply" aria-live="polite" aria-busy={streaming}>
      <header className="reply-card__head">
        <span className="reply-card__source reply-card__source--generated">Generated</span>
        <span className="reply-card__title">
          {streaming
            ? 'Writing…'
            : generation.status === 'done'
              ? 'Review before sending'
              : generation.status === 'cancelled'
                ? 'Stopped'
                : 'Failed'}
        </span>
      </header>
      {generation.text ? (
        <p className="reply-card__text">
          <MaskedText text={generation.text} />
        </p>
      ) : null}
      {generation.error ? <p className="reply-card__missing">{generation.error}</p> : null}
      {generation.citations && generation.citations.length > 0 ? (
        <p className="reply-card__sources">
          Sources: {generation.citations.map((c) => c.title).join(' · ')}
        </p>
      ) : null}
      <footer className="reply-card__actions">
        {streaming ? (
          <button type="button" className="button button--small button--ghost" onClick={onStop}>
            Stop
          </button>
        ) : generation.text ? (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => onCopy(generation.text)}
          >
            Copy
          </button>
        ) : null}
      </footer>
    </section>
  );
}
