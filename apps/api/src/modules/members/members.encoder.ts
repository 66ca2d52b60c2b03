import { Worker } from 'node:worker_threads';
import type { AppContext } from '../../platform/context.js';
import { type EncodedMember, encodeNewMember, type NewMemberInput } from './members.columns.js';

/**
 * Encodes new members' stored columns for a bulk import — pinyin, two AES-GCM seals and two keyed
 * hashes a row, the costly part of an import — on a few worker threads, so the checking, the reading
 * of the file and the database work on other cores meanwhile. With no threads asked for, it encodes
 * in the calling thread. Each thread holds only the active encryption key and the lookup-hash key.
 */
export interface MemberEncoder {
  /** The columns of each input, in order (byte columns as hex text). */
  encode(inputs: NewMemberInput[]): Promise<EncodedMember[]>;
  /** How many batches may usefully be in flight at once (the caller bounds its queue with it). */
  readonly parallelism: number;
  close(): Promise<void>;
}

// Under the test runner this file is TypeScript: the thread registers tsx before loading its script.
const isSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(`./members.encoder-worker.${isSource ? 'ts' : 'js'}`, import.meta.url);
const sourceBoot = () =>
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;

function startWorker(workerData: unknown): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: 48 };
  return isSource
    ? new Worker(sourceBoot(), { eval: true, workerData, resourceLimits })
    : new Worker(workerUrl, { workerData, resourceLimits });
}

export function createMemberEncoder(ctx: AppContext, threads: number): MemberEncoder {
  if (threads <= 0)
    return {
      parallelism: 1,
      encode: async (inputs) => inputs.map((input) => encodeNewMember(ctx.pii, input)),
      close: async () => undefined,
    };
  const { secrets } = ctx.config;
  const workerData = {
    keyId: secrets.activeKeyId,
    key: secrets.piiKeys.get(secrets.activeKeyId)!,
    hmacKey: secrets.piiHmacKey,
  };
  type Pending = { resolve: (c: EncodedMember[]) => void; reject: (e: Error) => void };
  const pending = new Map<number, Pending & { worker: Worker }>();
  const load = new Map<Worker, number>();
  let failure: Error | null = null;
  let nextId = 0;
  const fail = (err: Error) => {
    failure ??= err;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(failure);
    }
  };
  const workers = Array.from({ length: threads }, () => {
    // A larger young generation: a batch's short-lived cipher objects and strings die there instead
    // of being copied out of it again and again.
    const worker = startWorker(workerData);
    load.set(worker, 0);
    worker.on('message', (msg: { id: number; columns?: EncodedMember[]; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      load.set(worker, load.get(worker)! - 1);
      if (msg.error) p.reject(new Error(`member encoder: ${msg.error}`));
      else p.resolve(msg.columns!);
    });
    worker.on('error', (err) => fail(err));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`member encoder thread exited with ${code}`));
    });
    // An idle pool does not keep the process alive.
    worker.unref();
    return worker;
  });
  return {
    parallelism: threads,
    encode(inputs) {
      if (failure) return Promise.reject(failure);
      if (inputs.length === 0) return Promise.resolve([]);
      // The least busy thread takes the batch.
      const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      load.set(worker, load.get(worker)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, inputs });
      });
    },
    async close() {
      failure ??= new Error('member encoder closed');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
