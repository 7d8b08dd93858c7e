// The page's side of the worker: one promise per request.
import type { Batch, Details, FeatureCollectionLike, InitResult, Request, WorkerReply } from './model.js';

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'jiezhi-data' });
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

export const data = {
  init: (dataUrl: string) => call<InitResult>({ type: 'init', dataUrl }),
  import: (files: { name: string; bytes: ArrayBuffer }[]) =>
    call<Batch>({ type: 'import', files }, files.map((f) => f.bytes)),
  details: (id: string) => call<Details | null>({ type: 'details', id }),
  vertices: (ids: string[]) => call<FeatureCollectionLike>({ type: 'vertices', ids }),
  geojson: (ids: string[] | null) => call<string>({ type: 'geojson', ids }),
};
