/**
 * The detected intent's playbook as a checklist: steps tick themselves when the agent's turns
 * show them done, and the agent ticks or unticks any of them (Space ticks the next one).
 */
import { EmptyState } from '../components/empty-state';
import { useInloop } from '../state/use-inloop';
import { PanelFrame } from './panel-frame';

export function NextActionsPanel() {
  const steps = useInloop((s) => s.assist?.suggestions?.nextActions);
  const intent = useInloop((s) => s.assist?.suggestions?.intent ?? null);
  const setStep = useInloop((s) => s.setStep);
  const list = steps ?? [];
  const done = list.filter((step) => step.done).length;
  return (
    <PanelFrame id="actions" meta={list.length > 0 ? `${done}/${list.length}` : undefined}>
      {list.length > 0 ? (
        <>
          {intent ? (
            <p className="checklist__intent">Playbook for {intent.description ?? intent.id}</p>
          ) : null}
          <ul className="checklist" aria-label="Next steps">
            {list.map((step) => (
              <li
                key={step.id}
                className={`checklist__step${step.done ? ' checklist__step--done' : ''}`}
              >
                <label>
                  <input
                    type="checkbox"
                    checked={step.done}
                    onChange={(event) => void setStep(step.id, event.target.checked)}
                  />
                  <span>{step.text}</span>
                  {step.done && step.by === 'engine' ? (
                    <span className="checklist__by">from your reply</span>
                  ) : null}
                </label>
              </li>
            ))}
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
