import { parentPort, workerData } from 'node:worker_threads';
import { createPii } from '../../platform/pii.js';
import { encodeNewMember, type NewMemberInput } from './members.columns.js';

/** A thread of the member encoder (members.encoder.ts): seals, hashes and spells out batches of new members. */
const keys = workerData as { keyId: string; key: Uint8Array; hmacKey: Uint8Array };
const pii = createPii({
  piiKeys: new Map([[keys.keyId, Buffer.from(keys.key)]]),
  activeKeyId: keys.keyId,
  piiHmacKey: Buffer.from(keys.hmacKey),
});
parentPort!.on('message', (task: { id: number; inputs: NewMemberInput[] }) => {
  try {
    const columns = task.inputs.map((input) => encodeNewMember(pii, input));
    parentPort!.postMessage({ id: task.id, columns });
  } catch (err) {
    parentPort!.postMessage({ id: task.id, error: String((err as Error).stack ?? err) });
  }
});
