import type { FastifyBaseLogger } from 'fastify';

export interface Job {
  name: string;
  everyMs: number;
  /** One pass; returns how many items it handled (logged when above zero). */
  run(): Promise<number>;
}

/**
 * Runs background jobs in the API process: each on its own timer, never two passes of one job at
 * once, a failure logged and retried at the next tick. Jobs lock what they take (SKIP LOCKED), so
 * every API process may run them side by side. `stop` waits for passes in flight.
 */
export function startJobs(jobs: Job[], log: FastifyBaseLogger) {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const tick = (job: Job) => {
    if (stopped || running.has(job.name)) return;
    const pass = job
      .run()
      .then((n) => {
        if (n > 0) log.info({ job: job.name, handled: n }, 'background job pass');
      })
      .catch((err: unknown) => log.error({ err, job: job.name }, 'background job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, pass);
  };
  for (const job of jobs) {
    const timer = setInterval(() => tick(job), job.everyMs);
    timer.unref();
    timers.push(timer);
    tick(job);
  }
  return {
    /** Runs a job now (e.g. right after a change queued work for it), unless a pass is running. */
    kick(name: string) {
      const job = jobs.find((j) => j.name === name);
      if (job) tick(job);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
