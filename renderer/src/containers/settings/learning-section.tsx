/**
 * Settings → Learning: what this device learned from the agent's decisions (counts per kind),
 * "Forget what this device learned" (with a second step), the off switch, whether the device may
 * share its counts with the team lead (and from how many conversations a customer's words may
 * leave it), and the way into the Team view.
 */
import { useEffect, useState } from 'react';
import { LearningSettingsPatchSchema } from '../../../../shared/schemas/learning';
import type { LearningSummary } from '../../../../shared/schemas/learning';
import { DraftInput } from '../../components/draft-input';
import { FieldRow } from '../../components/field-row';
import { Switch } from '../../components/switch';
import { useInloop } from '../../state/use-inloop';
import { wholeNumberProblem, type WholeNumberLimits } from './assist-limits';
import { SettingsSection } from './settings-section';

const kField = LearningSettingsPatchSchema.shape.k.unwrap();
const kLimits: WholeNumberLimits = { min: kField.minValue ?? 2, max: kField.maxValue ?? 100 };

/** The counts line of what the device learned, in words. */
export function learnedCountsText(summary: LearningSummary): string {
  const { counts } = summary;
  if (summary.events === 0)
    return 'Nothing yet: it learns as you pick intents, use or dismiss articles, send replies and dismiss flags.';
  const parts = [
    `${counts.intentExamples} intent ${counts.intentExamples === 1 ? 'example' : 'examples'}`,
    `${counts.articles} ${counts.articles === 1 ? 'article' : 'articles'} ranked (from ${counts.questions} answered ${counts.questions === 1 ? 'question' : 'questions'})`,
    `${counts.replies} ${counts.replies === 1 ? 'reply' : 'replies'} ranked (${counts.rewrites} offered as rewritten)`,
    `${counts.flags} escalation ${counts.flags === 1 ? 'rule' : 'rules'} lowered`,
  ];
  const size =
    summary.bytes < 1e6
      ? `${Math.ceil(summary.bytes / 1024)} KB`
      : `${(summary.bytes / 1e6).toFixed(1)} MB`;
  return `From ${summary.events} decisions in ${summary.conversations} conversations: ${parts.join(', ')}. ${size} on this computer.`;
}

function ForgetLearning() {
  const [confirming, setConfirming] = useState(false);
  const forget = useInloop((s) => s.forgetLearning);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => setConfirming(true)}
      >
        Forget what this device learned
      </button>
    );
  return (
    <div className="reset-confirm" role="group" aria-label="Confirm forgetting">
      <span className="reset-confirm__text">Forget everything learned here? The packs stay.</span>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => setConfirming(false)}
      >
        Cancel
      </button>
      <button
        type="button"
        className="button button--small button--danger"
        onClick={() => void forget().then(() => setConfirming(false))}
      >
        Forget
      </button>
    </div>
  );
}

export function LearningSection() {
  const settings = useInloop((s) => s.settings?.learning);
  const summary = useInloop((s) => s.learning);
  const loadLearning = useInloop((s) => s.loadLearning);
  const update = useInloop((s) => s.updateSettings);
  const openTeam = useInloop((s) => s.openTeam);
  useEffect(() => {
    void loadLearning();
  }, [loadLearning]);
  if (!settings) return null;
  return (
    <SettingsSection
      id="learning"
      title="Learning"
      intro="What you decide teaches this computer at once: the intents you pick, the articles you use or set aside, the replies you send and the flags you dismiss. Only redacted text is kept, here."
    >
      <FieldRow
        label="Learn from my decisions"
        htmlFor="learning-enabled"
        description="Off: nothing more is learned and what was learned is not used (it is kept until you forget it)."
        descriptionId="learning-enabled-help"
      >
        <Switch
          id="learning-enabled"
          checked={settings.enabled}
          describedBy="learning-enabled-help"
          onChange={(next) => void update({ learning: { enabled: next } })}
        />
      </FieldRow>
      <div className="learning-summary" role="status" aria-live="polite">
        <p className="learning-summary__text">
          {summary ? learnedCountsText(summary) : 'Asking what this device learned…'}
        </p>
        {summary && summary.events > 0 ? <ForgetLearning /> : null}
      </div>
      <FieldRow
        label="Share with the team lead"
        htmlFor="learning-export"
        description="Lets `inloop learn export` write counts for the team's next pack. Never conversations."
        descriptionId="learning-export-help"
      >
        <Switch
          id="learning-export"
          checked={settings.allowExport}
          describedBy="learning-export-help"
          onChange={(next) => void update({ learning: { allowExport: next } })}
        />
      </FieldRow>
      <FieldRow
        label="Share a customer's words only when seen in"
        htmlFor="learning-k"
        description={`A question or example leaves this computer, redacted, only once it came up in this many conversations (${kLimits.min} to ${kLimits.max}).`}
        descriptionId="learning-k-help"
      >
        <DraftInput
          id="learning-k"
          type="number"
          unit="conversations"
          value={String(settings.k)}
          describedBy="learning-k-help"
          problem={(draft) => wholeNumberProblem(draft, kLimits, 'conversations')}
          onCommit={async (draft) => {
            const result = await update({ learning: { k: Number(draft) } }, { quiet: true });
            return result.ok ? null : result.error.message;
          }}
        />
      </FieldRow>
      <div className="learning-team">
        <button type="button" className="button button--small" onClick={openTeam}>
          Team report…
        </button>
        <p className="field-row__description">
          For team leads: the report of a folder of bundles agents exported.
        </p>
      </div>
    </SettingsSection>
  );
}
