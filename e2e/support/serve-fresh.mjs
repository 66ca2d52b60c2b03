// Starts the built server on an empty data folder, so every run begins with fresh demo data, with
// CLOCK_CONTROL=true so journeys can set the application clock and run background jobs at once
// (support/clock.ts).
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.DATA_DIR ?? join(here, '..', '.data');
rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  NODE_ENV: 'development',
  DATABASE_URL: '',
  CLOCK_CONTROL: 'true',
};
const cli = join(here, '../../apps/api/dist/cli/main.js');
const seeded = spawnSync(process.execPath, [cli, 'seed-demo'], { stdio: 'inherit', env });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
const server = spawn(process.execPath, [join(here, '../../apps/api/dist/main.js')], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
