import cluster from 'node:cluster';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, defaultWebDist } from './app.js';
import { createLogger, openContext } from './bootstrap.js';
import { isFirstProcess, superviseWorkers } from './cluster.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DatabaseUnreachableError } from './db/client.js';
import { formatDemoAccounts, hasAnyOrg, seedDemo } from './demo/seed-demo.js';
import { backgroundJobs } from './jobs.js';
import { recoverImports } from './modules/imports/index.js';
import { fillMissingNameKeys } from './modules/orgs/index.js';
import { DataDirBusyError } from './platform/data-lock.js';
import { startJobs } from './platform/jobs.js';

/** Starts the platform: configuration, database (migrated), demo data on first start, HTTP server. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const log = createLogger(config);
  if (config.apiWorkers > 1 && cluster.isPrimary) {
    superviseWorkers(config.apiWorkers, log);
    console.info(`UnionHub: ${config.apiWorkers} API processes on port ${config.port}`);
    return;
  }
  const opened = await openContext(config, { purpose: 'the UnionHub server', port: config.port, log });
  const { ctx } = opened;
  const baseUrl = `http://localhost:${config.port}`;
  const filled = await fillMissingNameKeys(ctx.db);
  if (filled > 0) log.info({ orgs: filled }, 'filled missing pinyin search keys of orgs');

  const first = isFirstProcess();
  if (first && config.seedDemo === 'auto' && config.env !== 'production' && !(await hasAnyOrg(ctx.db))) {
    const result = await seedDemo(ctx);
    console.info(formatDemoAccounts(result, baseUrl));
  } else if (config.env === 'development') {
    const file = join(config.dataDir, 'demo-accounts.json');
    if (existsSync(file)) console.info(`  Demo accounts: see ${file}`);
  }

  // An import the last process was running when it stopped left nothing in members (one transaction).
  // Only at the first start of the platform: a worker started again must not fail its siblings' imports.
  const interrupted = first ? await recoverImports(ctx) : [];
  if (interrupted.length > 0) log.warn({ imports: interrupted }, 'marked interrupted member imports failed');

  const webDist = config.webDist ?? defaultWebDist;
  const app = await buildApp(ctx, { logger: { level: config.logLevel }, webDist });
  let jobs: ReturnType<typeof startJobs> | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      log.error('shutdown took over 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await jobs?.stop();
      await app.close();
      await opened.close();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  jobs = startJobs(backgroundJobs(ctx), log);
  const engine =
    ctx.database.engine === 'pglite' ? `embedded PGlite (${join(config.dataDir, 'pg')})` : 'PostgreSQL';
  const webNote = existsSync(join(webDist, 'index.html')) ? '' : ' (web app not built: run npm run build)';
  console.info(
    `UnionHub ${readVersion()} listening on ${baseUrl}${webNote} — database: ${engine}; ` +
      `API docs ${baseUrl}/api/docs; ready in ${Math.round(performance.now() - startedAt)} ms`,
  );
}

function readVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '';
  }
}

main().catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    err instanceof DatabaseUnreachableError ||
    err instanceof DataDirBusyError
  ) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error('Cannot start:', err);
  }
  process.exit(1);
});
