// The page's side of the worker: one promise per request.
import type { ExportReply } from '../worker/exports.js';
import { rowsOf, unpackRows } from '../../core/publish/readIndex.js';
import type { Batch, Details, ExportRequestOptions, FeatureCollectionLike, ImportFile, ImportMode, InitResult, Request, Unlocated, WorkerReply } from './model.js';

const worker = new Worker(new URL('../worker/index.ts', import.meta.url), { type: 'module', name: 'jiezhi-data' });
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextId = 1;

worker.onmessage = (event: MessageEvent<WorkerReply>) => {
  const reply = event.data;
  const p = pending.get(reply.id);
  if (!p) return;
  pending.delete(reply.id);
  if (reply.ok) p.resolve(reply.value);
  else p.reject(new Error(reply.error));
};
worker.onerror = (event) => {
  const err = new Error(event.message || 'the data worker failed');
  for (const p of pending.values()) p.reject(err);
  pending.clear();
};

function call<T>(request: Request, transfer: Transferable[] = []): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    worker.postMessage({ id, request }, transfer);
  });
}

let initCall: { dataUrl: string; result: Promise<InitResult> } | null = null;

/** The published records' rows, made here from the index's columns, first; then the layers' rows. */
function withPublishedRows(result: InitResult): InitResult {
  if (!result.publishedRows) return result;
  const { publishedRows, ...rest } = result;
  return { ...rest, rows: [...rowsOf(unpackRows(publishedRows)), ...result.rows] };
}

export const data = {
  /** Loads the published data once: main.ts starts it before the app has loaded, App gets the same promise. */
  init: (dataUrl: string) => {
    if (initCall?.dataUrl !== dataUrl) initCall = { dataUrl, result: call<InitResult>({ type: 'init', dataUrl }).then(withPublishedRows) };
    return initCall.result;
  },
  import: (files: ImportFile[], mode: ImportMode = 'auto') => call<Batch>({ type: 'import', files, mode }, files.map((f) => f.bytes)),
  details: (id: string) => call<Details | null>({ type: 'details', id }),
  vertices: (ids: string[]) => call<FeatureCollectionLike>({ type: 'vertices', ids }),
  /** One download written by the core's exportParcels (loaded on demand in the worker), or why it cannot be. */
  export: (format: string, ids: string[] | null, options: ExportRequestOptions) => call<ExportReply>({ type: 'export', format, ids, options }),
  unlocated: () => call<Unlocated>({ type: 'unlocated' }),
  topology: () => call<FeatureCollectionLike>({ type: 'topology' }),
};
