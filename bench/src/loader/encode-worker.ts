import { parentPort, workerData } from 'node:worker_threads';
import { generateProvince } from '../synthetic/province.js';
import { createMemberEncoder, type PiiSecrets } from './encode.js';

/** A thread that encodes ranges of members for COPY; the loader hands out the ranges. */
const { seed, secrets } = workerData as { seed: number; secrets: PiiSecrets };
const encode = createMemberEncoder(generateProvince({ seed }), seed, secrets);
parentPort!.on('message', (task: { from: number; to: number }) => {
  parentPort!.postMessage({ ...task, text: encode(task.from, task.to) });
});
parentPort!.postMessage({ ready: true });
