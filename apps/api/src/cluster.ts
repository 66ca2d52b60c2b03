import cluster, { type Worker } from 'node:cluster';
import type { FastifyBaseLogger as Logger } from 'fastify';

/**
 * With API_WORKERS > 1 (PostgreSQL only) the first process only supervises: it forks the workers,
 * which share the port and each run the whole platform (background jobs included — they take their
 * rows with SKIP LOCKED), forks a worker again when one dies, and passes a stop signal on to all.
 */
export function superviseWorkers(count: number, log: Logger): void {
  let stopping = false;
  const fork = (first: boolean) => cluster.fork({ UNIONHUB_FIRST_WORKER: first ? '1' : '0' });
  for (let i = 0; i < count; i++) fork(i === 0);
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'an API worker stopped; starting another');
    setTimeout(() => fork(false), 1000).unref();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping the API workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** True in the one process that does the once-per-start work (demo data, interrupted imports). */
export function isFirstProcess(): boolean {
  return cluster.isPrimary || process.env.UNIONHUB_FIRST_WORKER === '1';
}
