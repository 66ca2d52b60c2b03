import type { Db } from '../../db/client.js';

/**
 * What a request type needs before its request may be completed, registered by the module that owns
 * the type (legal aid: an outcome recorded). The check runs inside the completing transaction and
 * throws the error to return (a 409 naming what is missing).
 */
export type CompletionCheck = (tx: Db, requestId: number) => Promise<void>;

const checks = new Map<string, CompletionCheck>();

export function registerCompletionCheck(requestType: string, check: CompletionCheck): void {
  checks.set(requestType, check);
}

export async function runCompletionCheck(tx: Db, requestType: string, requestId: number): Promise<void> {
  await checks.get(requestType)?.(tx, requestId);
}
