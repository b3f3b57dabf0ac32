/** "Reset to defaults", with a second step so one stray click cannot undo every setting. */
import { useState } from 'react';
import { useInloop } from '../../state/use-inloop';

export function ResetSettings() {
  const [confirming, setConfirming] = useState(false);
  const reset = useInloop((s) => s.resetSettings);
  if (!confirming) {
    return (
      <button type="button" className="button button--ghost" onClick={() => setConfirming(true)}>
        Reset to defaults
      </button>
    );
  }
  return (
    <div className="reset-confirm" role="group" aria-label="Confirm reset">
      <span className="reset-confirm__text">Reset every setting?</span>
      <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <button
        type="button"
        className="button button--danger"
        onClick={() => void reset().then(() => setConfirming(false))}
      >
        Reset
      </button>
    </div>
  );
}
