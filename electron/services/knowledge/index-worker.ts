/**
 * The pack index worker (a child process started by pack-indexer.ts for one install): it reads
 * the `content.json` the installer wrote, builds `index.lancedb` (FTS, vectors and their IVF
 * index) and exits with the install. LanceDB's write path (its FTS and IVF builders, their
 * threads and buffers, the code they page in) holds tens to hundreds of MiB that a process
 * keeps after it frees them; here they leave with the worker instead of staying in the app.
 */
import { serveWorkerRequests } from '../core/workers/serve-worker-requests';
import { readWrittenContent, vectorRows, writeIndex } from './index-build';
import type { IndexRequest, IndexResponse } from './index-protocol';

serveWorkerRequests<IndexRequest, IndexResponse>(async (request) => {
  switch (request.kind) {
    case 'build': {
      const content = await readWrittenContent(request.folder);
      const vectors = request.vectors
        ? vectorRows(request.vectors.data, request.vectors.dimension)
        : null;
      await writeIndex(request.folder, content, vectors);
      return { kind: 'built', passages: content.passages.length };
    }
  }
});
