// Adds up the test reports of a CI run and prints the closing line "N passed, N failed".
// A step that failed outside a test runner (install, typecheck, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = '.ci/out', stepFailures = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

for (const name of ['vitest-pglite.json', 'vitest-postgres.json']) {
  const file = join(dir, name);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

const pw = join(dir, 'playwright.json');
if (existsSync(pw)) {
  const stats = JSON.parse(readFileSync(pw, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  console.log(
    `playwright.json: ${stats.expected ?? 0} passed, ${stats.unexpected ?? 0} failed, ${stats.flaky ?? 0} flaky`,
  );
}

const steps = Number(stepFailures);
failed += steps;
if (steps > 0) console.log(`${steps} step(s) failed outside the test runners`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
