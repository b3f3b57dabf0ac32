/**
 * The intent's playbook as a checklist. A step the engine thinks is done but is not sure of
 * asks "Done?": y confirms, n dismisses (one key; the service logs the answer). The agent ticks
 * or unticks any step (Space ticks the next one); the agent always wins. The list is one Tab
 * stop: arrow keys move between the steps.
 */
import { EmptyState } from '../components/empty-state';
import { useRovingList } from '../keyboard/use-roving-list';
import { useInloop } from '../state/use-inloop';
import { decidingStep } from './assist-shortcuts';
import { PanelFrame } from './panel-frame';

/** The two answers to "Looks done": their keys work from anywhere outside a text field. */
const answers = [
  { done: true, key: 'Y', word: 'Yes' },
  { done: false, key: 'N', word: 'No' },
] as const;

export function NextActionsPanel() {
  const steps = useInloop((s) => s.assist?.suggestions?.nextActions);
  const intent = useInloop((s) => s.assist?.suggestions?.intent ?? null);
  const decideStep = useInloop((s) => s.decideStep);
  const all = steps ?? [];
  const { listProps, current, setActive } = useRovingList<HTMLUListElement>(all.length);
  const done = all.filter((step) => step.done).length;
  // y and n answer the step the focus is on, else the first one that asks.
  const keyed = decidingStep(all, document.activeElement)?.id;
  return (
    <PanelFrame id="actions" meta={all.length > 0 ? `${done}/${all.length}` : undefined}>
      {all.length > 0 ? (
        <>
          {intent ? <p className="checklist__intent">Playbook for {intent.label}</p> : null}
          <ul className="checklist" aria-label="Next steps" {...listProps}>
            {all.map((step, index) => {
              const asking = step.suggested === true && !step.done;
              return (
                <li
                  key={step.id}
                  data-step-id={step.id}
                  className={[
                    'checklist__step',
                    step.done ? 'checklist__step--done' : '',
                    asking ? 'checklist__step--suggested' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <label className="checklist__label">
                    <input
                      type="checkbox"
                      data-roving-item=""
                      tabIndex={index === current ? 0 : -1}
                      checked={step.done}
                      onFocus={() => setActive(index)}
                      onChange={(event) => void decideStep(step, event.target.checked)}
                    />
                    <span className="checklist__text">{step.text}</span>
                    {step.done && step.by === 'engine' ? (
                      <span className="checklist__by">from your reply</span>
                    ) : null}
                  </label>
                  {asking ? (
                    <span
                      className="checklist__ask"
                      role="group"
                      aria-label={`Is "${step.text}" done?`}
                    >
                      <span className="checklist__ask-text">Looks done:</span>
                      {answers.map(({ done, key, word }) => (
                        <button
                          key={key}
                          type="button"
                          className={`button button--small${done ? '' : ' button--ghost'}`}
                          tabIndex={-1}
                          aria-keyshortcuts={keyed === step.id ? key : undefined}
                          onClick={() => void decideStep(step, done)}
                        >
                          {keyed === step.id ? (
                            <kbd className="kbd" aria-hidden="true">
                              {key}
                            </kbd>
                          ) : null}
                          {word}
                        </button>
                      ))}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <EmptyState title="Next steps build up here">
          A checklist of what to do next once Inloop recognises what the customer needs.
        </EmptyState>
      )}
    </PanelFrame>
  );
}
