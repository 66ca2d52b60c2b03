// Starts the built server on an empty data folder, so every run begins with fresh demo data.
// Before the server starts, the demo data is loaded and the escalation job (督办) is run through the
// CLI at a time the journeys choose (E2E_ESCALATE_AT, default ten days ahead), so deadlines that are
// still open today are judged as passed — the way the hourly job would see them ten days later.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.DATA_DIR ?? join(here, '..', '.data');
rmSync(dataDir, { recursive: true, force: true });
const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '' };
const cli = join(here, '../../apps/api/dist/cli/main.js');
const escalateAt = process.env.E2E_ESCALATE_AT ?? new Date(Date.now() + 10 * 86_400_000).toISOString();
for (const args of [['seed-demo'], ['requests:escalate', '--now', escalateAt]]) {
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn(process.execPath, [join(here, '../../apps/api/dist/main.js')], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
