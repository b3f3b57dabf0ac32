/**
 * The call: pick the two audio sources, start and stop transcription, see both levels and
 * any capture problem with its fix, and follow the live transcript (partials greyed, finals
 * correctable). Reads the speech slice; capture runs in `audio/`.
 */
import { useShallow } from 'zustand/react/shallow';
import type { CustomerSource } from '../audio/call-capture';
import { LevelMeter } from '../components/level-meter';
import { TranscriptLine } from '../components/transcript-line';
import { useInloop } from '../state/use-inloop';
import '../styles/transcript.css';

const customerValue = (source: CustomerSource) =>
  source.kind === 'device' ? `device:${source.deviceId}` : source.kind;

const parseCustomer = (value: string): CustomerSource =>
  value.startsWith('device:')
    ? { kind: 'device', deviceId: value.slice('device:'.length) }
    : value === 'display'
      ? { kind: 'display' }
      : { kind: 'none' };

export function TranscriptPanel() {
  const callStatus = useInloop((s) => s.callStatus);
  const speech = useInloop((s) => s.speech);
  const transcript = useInloop((s) => s.transcript);
  const levels = useInloop(useShallow((s) => s.levels));
  const problems = useInloop(useShallow((s) => Object.values(s.captureProblems)));
  const devices = useInloop((s) => s.inputDevices);
  const microphoneId = useInloop((s) => s.settings?.speech.microphoneId ?? null);
  const customerSource = useInloop((s) => s.customerSource);
  const actions = useInloop(
    useShallow((s) => ({
      startCall: s.startCall,
      stopCall: s.stopCall,
      editSegment: s.editSegment,
      loadInputDevices: s.loadInputDevices,
      pickMicrophone: s.pickMicrophone,
      pickCustomerSource: s.pickCustomerSource,
    })),
  );
  const live = callStatus !== 'off';
  const meta =
    speech?.status === 'error'
      ? 'Error'
      : callStatus === 'starting'
        ? 'Starting…'
        : callStatus === 'on'
          ? speech?.status === 'loading'
            ? 'Loading model…'
            : 'Live'
          : null;

  return (
    <section
      className="panel transcript-panel"
      aria-labelledby="transcript-title"
      data-region="transcript"
    >
      <header className="panel__header">
        <h2 className="panel__heading transcript-panel__heading" id="transcript-title">
          Call transcript
        </h2>
        {meta ? <span className="panel__meta">{meta}</span> : null}
      </header>
      <div className="transcript-panel__body">
        <div className="transcript-panel__sources" onFocus={() => void actions.loadInputDevices()}>
          <label className="transcript-panel__source">
            <span>Agent (microphone)</span>
            <select
              value={microphoneId ?? ''}
              disabled={live}
              onChange={(e) => void actions.pickMicrophone(e.target.value || null)}
            >
              <option value="">System default</option>
              {devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="transcript-panel__source">
            <span>Customer (call audio)</span>
            <select
              value={customerValue(customerSource)}
              disabled={live}
              onChange={(e) => actions.pickCustomerSource(parseCustomer(e.target.value))}
            >
              <option value="none">Not captured</option>
              <option value="display">Share system audio…</option>
              {devices.map((d) => (
                <option key={d.deviceId} value={`device:${d.deviceId}`}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={`button button--small${live ? ' button--danger' : ''}`}
            disabled={callStatus === 'starting'}
            onClick={() => void (live ? actions.stopCall() : actions.startCall())}
          >
            {live ? 'Stop transcribing' : 'Start transcribing'}
          </button>
        </div>
        {live ? (
          <div className="transcript-panel__levels">
            <LevelMeter label="Agent" level={levels.agent} />
            <LevelMeter label="Customer" level={levels.customer} />
          </div>
        ) : null}
        {speech?.status === 'error' && speech.message ? (
          <p className="transcript-panel__problem" role="alert">
            {speech.message}
          </p>
        ) : null}
        {problems.map((p) => (
          <div
            className="transcript-panel__problem"
            role="alert"
            key={p.speaker}
            data-problem={p.kind}
          >
            <strong>{p.message}</strong> {p.fix}
          </div>
        ))}
        {transcript.length > 0 ? (
          <ol className="transcript" aria-label="Live call transcript" aria-live="polite">
            {transcript.map((segment) => (
              <TranscriptLine key={segment.id} segment={segment} onCorrect={actions.editSegment} />
            ))}
          </ol>
        ) : (
          <p className="transcript-panel__empty">
            {live
              ? 'Listening… what each side says appears here.'
              : 'Pick where the customer’s voice comes from, then start transcribing. Audio stays on this computer.'}
          </p>
        )}
        {speech && speech.droppedPartials > 0 ? (
          <p className="transcript-panel__note">
            {speech.droppedPartials} live previews skipped to keep up (final lines are complete).
          </p>
        ) : null}
      </div>
    </section>
  );
}
