/// <reference lib="webworker" />
// The page's data store, off the main thread: this file only dispatches the page's requests to the worker's
// modules (init, imports, details, exports), which call the core; the page only ever holds the compact rows.
import type { Request, Unlocated, WorkerReply } from '../state/model.js';
import { details, detailsIds, topology, topologyIds, vertices } from './details.js';
import { exportFile } from './exports.js';
import { importFiles } from './imports.js';
import { init } from './init.js';
import { ensureRecords, store } from './store.js';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = async (event: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = event.data;
  try {
    const value = await handle(request);
    ctx.postMessage({ id, ok: true, value } satisfies WorkerReply);
  } catch (err) {
    ctx.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
};

// Each request first has the published records it needs in full (points, diagnostics, sources) loaded.
async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'init':
      return init(request.dataUrl, ctx.location.href);
    case 'import':
      return importFiles(request.files, request.mode ?? 'auto');
    case 'unlocated':
      return { planning: store.unlocated.planning ?? [], mining: store.unlocated.mining ?? [] } satisfies Unlocated;
    case 'topology':
      await ensureRecords(topologyIds());
      return topology();
    case 'details':
      await ensureRecords(detailsIds(request.id));
      return details(request.id);
    case 'vertices':
      await ensureRecords(request.ids);
      return vertices(request.ids);
    case 'export':
      await ensureRecords(request.ids);
      return exportFile(request.format, request.ids, request.options);
  }
}
