/** The contract's knowledge and pack channels, answered by the knowledge service. */
import type { Handlers } from '../core/dispatcher';
import type { KnowledgeService } from './knowledge-service';

export type KnowledgeChannel =
  | 'knowledge:search'
  | 'knowledge:status'
  | 'packs:list'
  | 'packs:upload-begin'
  | 'packs:upload-chunk'
  | 'packs:install'
  | 'packs:remove'
  | 'packs:rollback';

/** Handlers for every knowledge channel (payloads arrive parsed by the dispatcher). */
export function knowledgeHandlers(knowledge: KnowledgeService): Pick<Handlers, KnowledgeChannel> {
  return {
    'knowledge:search': (request) => knowledge.search(request),
    'knowledge:status': () => knowledge.status(),
    'packs:list': () => knowledge.list(),
    'packs:upload-begin': ({ fileName, size }) => knowledge.uploads.begin(fileName, size),
    'packs:upload-chunk': ({ uploadId, offset, bytesBase64 }) =>
      knowledge.uploads.append(uploadId, offset, Buffer.from(bytesBase64, 'base64')),
    'packs:install': (request) => knowledge.install(request),
    'packs:remove': ({ id }) => knowledge.remove(id),
    'packs:rollback': ({ id }) => knowledge.rollback(id),
  };
}
