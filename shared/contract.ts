/**
 * The one contract between the UI and the services: every request channel and every
 * event channel, named `domain:verb`, with the zod schemas of what crosses.
 *
 * Three hosts carry it (Electron IPC through the preload, the `inloop serve` WebSocket,
 * the CLI); none of them declares a channel of its own. Add a channel here, implement it
 * in the services' handler table, and every host and the typed `InloopApi` have it.
 */
import { z } from 'zod';
import { AppInfoSchema, NoticeSchema } from './schemas/app';
import { DoctorReportSchema, ProcessSampleSchema } from './schemas/diagnostics';
import {
  AddTurnRequestSchema,
  AssistStateSchema,
  DismissFlagRequestSchema,
  FeedbackRequestSchema,
  GenerationStateSchema,
  HandoffSchema,
  IngestInfoSchema,
  PickIntentRequestSchema,
  SetStepRequestSchema,
} from './schemas/assist';
import {
  KnowledgeStatusSchema,
  SearchRequestSchema,
  SearchResponseSchema,
} from './schemas/knowledge';
import {
  InstalledPackSchema,
  PackInstallRequestSchema,
  PackUploadBegunSchema,
  PackUploadBeginSchema,
  PackUploadChunkSchema,
  PackUploadReceivedSchema,
} from './schemas/packs';
import { PackIdSchema } from './packs/pack-schemas';
import { CaptureStateSchema, OverlayStateSchema } from './schemas/overlay';
import { SecretNameSchema, SecretStatusSchema, SecretWriteSchema } from './schemas/secrets';
import {
  AudioFrameSchema,
  EditSegmentRequestSchema,
  PushAudioResultSchema,
  SpeechStateSchema,
  TranscriptSegmentSchema,
} from './schemas/speech';
import { OverlayModeSchema, SettingsPatchSchema, SettingsSchema } from './schemas/settings';
import {
  LearningSummarySchema,
  TeamReportRequestSchema,
  TeamReportSchema,
} from './schemas/learning';
import { PolicyReportSchema } from './schemas/policy';
import { FeedsStatusSchema } from './schemas/feeds';

const none = z.undefined();

/** Request channels: `request` is what the caller sends, `response` what it gets back. */
export const requests = {
  'app:info': { request: none, response: AppInfoSchema },
  /** Notices raised before this screen connected (a settings file recovered at start). */
  'app:notices': { request: none, response: z.array(NoticeSchema) },
  'settings:get': { request: none, response: SettingsSchema },
  'settings:update': { request: SettingsPatchSchema, response: SettingsSchema },
  'settings:reset': { request: none, response: SettingsSchema },
  'overlay:get-state': { request: none, response: OverlayStateSchema },
  'overlay:set-click-through': {
    request: z.object({ enabled: z.boolean() }).strict(),
    response: OverlayStateSchema,
  },
  'overlay:set-mode': {
    request: z.object({ mode: OverlayModeSchema }).strict(),
    response: OverlayStateSchema,
  },
  'overlay:hide': { request: none, response: OverlayStateSchema },
  'capture:get-state': { request: none, response: CaptureStateSchema },
  'capture:set-paused': {
    request: z.object({ paused: z.boolean() }).strict(),
    response: CaptureStateSchema,
  },
  'secrets:status': { request: none, response: SecretStatusSchema },
  'secrets:set': { request: SecretWriteSchema.strict(), response: SecretStatusSchema },
  'secrets:delete': {
    request: z.object({ name: SecretNameSchema }).strict(),
    response: SecretStatusSchema,
  },
  'diagnostics:doctor': { request: none, response: DoctorReportSchema },
  'diagnostics:process-sample': { request: none, response: ProcessSampleSchema },
  // ── knowledge: search (electron/services/knowledge) ──
  'knowledge:search': { request: SearchRequestSchema, response: SearchResponseSchema },
  'knowledge:status': { request: none, response: KnowledgeStatusSchema },
  // ── packs: install, upgrade, roll back, remove (electron/services/packs) ──
  'packs:list': { request: none, response: z.array(InstalledPackSchema) },
  'packs:upload-begin': { request: PackUploadBeginSchema, response: PackUploadBegunSchema },
  'packs:upload-chunk': { request: PackUploadChunkSchema, response: PackUploadReceivedSchema },
  'packs:install': { request: PackInstallRequestSchema, response: InstalledPackSchema },
  /** Installs the bundled example pack, marked as a demo ("Try the example pack"). */
  'packs:install-demo': { request: none, response: InstalledPackSchema },
  'packs:remove': {
    request: z.object({ id: PackIdSchema }).strict(),
    response: z.array(InstalledPackSchema),
  },
  'packs:rollback': {
    request: z.object({ id: PackIdSchema }).strict(),
    response: InstalledPackSchema,
  },
  // ── assist: conversations, suggestions, feedback (electron/services/assist) ──
  'assist:start': { request: none, response: AssistStateSchema },
  'assist:end': { request: none, response: AssistStateSchema },
  'assist:add-turn': { request: AddTurnRequestSchema, response: AssistStateSchema },
  'assist:get-state': { request: none, response: AssistStateSchema },
  'assist:set-step': { request: SetStepRequestSchema, response: AssistStateSchema },
  /** The agent picks the intent (null = "none of these"); it is the intent from then on. */
  'assist:pick-intent': { request: PickIntentRequestSchema, response: AssistStateSchema },
  /** "Not an escalation here": the flag's rule stays quiet for this conversation. */
  'assist:dismiss-flag': { request: DismissFlagRequestSchema, response: AssistStateSchema },
  'assist:feedback': {
    request: FeedbackRequestSchema,
    response: z.object({ recorded: z.boolean() }),
  },
  'assist:handoff': { request: none, response: HandoffSchema },
  'assist:generate': { request: none, response: z.object({ started: z.boolean() }) },
  'assist:cancel-generation': { request: none, response: z.object({ cancelled: z.boolean() }) },
  'assist:ingest-info': { request: none, response: IngestInfoSchema },
  // ── speech: call transcription (electron/services/speech) ──
  'speech:start': { request: none, response: SpeechStateSchema },
  'speech:stop': { request: none, response: SpeechStateSchema },
  'speech:push-audio': { request: AudioFrameSchema, response: PushAudioResultSchema },
  'speech:get-state': { request: none, response: SpeechStateSchema },
  'speech:edit-segment': { request: EditSegmentRequestSchema, response: TranscriptSegmentSchema },
  // ── learning: what the device learned, the team report (electron/services/learning) ──
  'learning:status': { request: none, response: LearningSummarySchema },
  'learning:forget': { request: none, response: LearningSummarySchema },
  'learning:team-report': { request: TeamReportRequestSchema, response: TeamReportSchema },
  // ── policy: managed policy in force (electron/services/policy) ──
  'policy:get': { request: none, response: PolicyReportSchema },
  // ── feeds: pack feeds this device follows (electron/services/packs/feed) ──
  'feeds:status': { request: none, response: FeedsStatusSchema },
  /** Check every feed now (the "Check now" button), whatever the poll timer says. */
  'feeds:check': { request: none, response: FeedsStatusSchema },
} as const;

/** Event channels: pushed by the services to every connected UI. */
export const events = {
  'settings:changed': SettingsSchema,
  'overlay:state': OverlayStateSchema,
  'capture:state': CaptureStateSchema,
  'app:notice': NoticeSchema,
  // ── knowledge ──
  /** The installed packs or the retrieval mode changed. */
  'knowledge:changed': KnowledgeStatusSchema,
  // ── assist ──
  /** The conversation or its suggestions changed. */
  'assist:updated': AssistStateSchema,
  /** A generated reply streamed more text, finished, failed or was stopped. */
  'assist:generation': GenerationStateSchema,
  // ── speech ──
  /** A partial or final transcript segment (a partial is replaced by the next one with its id). */
  'speech:segment': TranscriptSegmentSchema,
  'speech:state': SpeechStateSchema,
  // ── learning ──
  /** What the device learned changed (saved, or forgotten). */
  'learning:changed': LearningSummarySchema,
  // ── policy ──
  /** The effective managed policy changed (an administrator edited it while the app ran). */
  'policy:changed': PolicyReportSchema,
  // ── feeds ──
  /** A feed check finished, or installed a pack. */
  'feeds:changed': FeedsStatusSchema,
} as const;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
export type RequestOf<C extends RequestChannel> = z.infer<(typeof requests)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.infer<(typeof requests)[C]['response']>;
export type EventOf<E extends EventChannel> = z.infer<(typeof events)[E]>;

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export const isRequestChannel = (name: unknown): name is RequestChannel =>
  typeof name === 'string' && Object.hasOwn(requests, name);
export const isEventChannel = (name: unknown): name is EventChannel =>
  typeof name === 'string' && Object.hasOwn(events, name);
