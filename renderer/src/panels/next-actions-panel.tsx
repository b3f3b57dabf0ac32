/**
 * The intent's playbook as a checklist. A step the engine thinks is done but is not sure of
 * asks "Done?": y confirms, n dismisses (one key; the service logs the answer). The agent ticks
 * or unticks any step (Space ticks the next one); the agent always wins. The list is one Tab
 * stop: arrow keys move between the steps.
 */
import { useRef, useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { moveRovingFocus } from '../keyboard/roving';
import { useInloop } from '../state/use-inloop';
import { decidingStep } from './assist-shortcuts';
import { PanelFrame } from './panel-frame';

export function NextActionsPanel() {
  const steps = useInloop((s) => s.assist?.suggestions?.nextActions);
  const intent = useInloop((s) => s.assist?.suggestions?.intent ?? null);
  const decideStep = useInloop((s) => s.decideStep);
  const list = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const all = steps ?? [];
  const done = all.filter((step) => step.done).length;
  const current = Math.min(active, Math.max(0, all.length - 1));
  // y and n answer the step the focus is on, else the first one that asks.
  const keyed = decidingStep(all, document.activeElement)?.id;
  return (
    <PanelFrame id="actions" meta={all.length > 0 ? `${done}/${all.length}` : undefined}>
      {all.length > 0 ? (
        <>
          {intent ? <p className="checklist__intent">Playbook for {intent.label}</p> : null}
          <ul
            className="checklist"
            aria-label="Next steps"
            ref={list}
            data-roving-list=""
            onKeyDown={(event) => {
              const next = list.current ? moveRovingFocus(list.current, event) : null;
              if (next !== null) setActive(next);
            }}
          >
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
                      <button
                        type="button"
                        className="button button--small"
                        tabIndex={-1}
                        aria-keyshortcuts={keyed === step.id ? 'Y' : undefined}
                        onClick={() => void decideStep(step, true)}
                      >
                        {keyed === step.id ? (
                          <kbd className="kbd" aria-hidden="true">
                            Y
                          </kbd>
                        ) : null}
                        Yes
                      </button>
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        tabIndex={-1}
                        aria-keyshortcuts={keyed === step.id ? 'N' : undefined}
                        onClick={() => void decideStep(step, false)}
                      >
                        {keyed === step.id ? (
                          <kbd className="kbd" aria-hidden="true">
                            N
                          </kbd>
                        ) : null}
                        No
                      </button>
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
