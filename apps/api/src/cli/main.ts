import { parseArgs } from 'node:util';
import { type StaffRole, StaffRoles } from '@unionhub/contracts';
import { openContext } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { DatabaseUnreachableError } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import { formatDemoAccounts, hasAnyOrg, seedDemo } from '../demo/seed-demo.js';
import { createBackup, restoreBackup } from '../modules/backup/index.js';
import { runConsultationTimeouts } from '../modules/consultations/index.js';
import { findOrgById, findOrgByRegionCode } from '../modules/orgs/index.js';
import { runEscalation } from '../modules/service-requests/index.js';
import { recountRollups } from '../modules/stats/index.js';
import { createStaffUser } from '../modules/users/index.js';
import { DataDirBusyError } from '../platform/data-lock.js';
import { AppError } from '../platform/errors.js';

const USAGE = `UnionHub command line — npm run cli -- <command> [options]

Commands:
  migrate                          apply pending database migrations
  seed-demo                        load the Henan demo data into an empty database
  user:create --org <id|region> --role <role> --username <name> [--name <display name>] --password-stdin
                                   create a staff user; --org takes an org id or the region code of a
                                   federation (e.g. 410100 for 郑州市总工会); roles: ${StaffRoles.join(', ')}
  backup <file>                    write a backup of the whole database (portable between engines)
  restore <file>                   restore a backup into an empty database
  stats:rebuild                    recount the member statistics of every org from the members themselves
  requests:escalate [--now <time>] 督办: pass overdue service requests one level up (what the hourly job
                                   does); --now takes an ISO time to judge deadlines against (default: now)
  consultations:timeouts [--now <time>]
                                   法律咨询: move questions nobody picked up in time to the next lawyer on
                                   duty and give waiting ones to a lawyer on duty (what the minute job does)

The database is the one the server uses: DATABASE_URL if set, otherwise the embedded one in DATA_DIR
(default ./data), which must not be open in a running server at the same time.`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('--password-stdin reads the password from standard input: pipe it in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.info(USAGE);
    return;
  }
  const known = [
    'migrate',
    'seed-demo',
    'user:create',
    'backup',
    'restore',
    'stats:rebuild',
    'requests:escalate',
    'consultations:timeouts',
  ];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}"`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      role: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      now: { type: 'string' },
    },
  });
  // Read the password before opening the database, so a wrong invocation fails fast.
  let password: string | undefined;
  if (command === 'user:create') {
    for (const flag of ['org', 'role', 'username'] as const)
      if (!values[flag]) throw new UsageError(`user:create needs --${flag}`);
    if (!StaffRoles.includes(values.role as StaffRole))
      throw new UsageError(`--role must be one of ${StaffRoles.join(', ')} (got "${values.role}")`);
    if (!values['password-stdin'])
      throw new UsageError('user:create needs --password-stdin (the password is read from standard input)');
    password = await readStdin();
  }
  if ((command === 'backup' || command === 'restore') && positionals.length !== 1)
    throw new UsageError(`${command} needs one file name`);

  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO time (got "${values.now}")`);
  }

  const config = loadConfig();
  const opened = await openContext(config, { purpose: `the CLI (${command})` });
  const { ctx } = opened;
  try {
    switch (command) {
      case 'migrate':
        console.info('Migrations applied.');
        break;
      case 'seed-demo': {
        if (await hasAnyOrg(ctx.db)) {
          console.info(
            'The database already holds organizations; demo data is only loaded into an empty one.',
          );
          break;
        }
        console.info(formatDemoAccounts(await seedDemo(ctx), `http://localhost:${config.port}`));
        break;
      }
      case 'user:create': {
        const ref = values.org!;
        const org = /^[1-8]\d{5}$/.test(ref)
          ? ((await findOrgByRegionCode(ctx.db, ref)) ?? (await findOrgById(ctx.db, Number(ref))))
          : /^\d+$/.test(ref)
            ? await findOrgById(ctx.db, Number(ref))
            : null;
        if (!org)
          throw new UsageError(`--org "${ref}": no organization with that id or federation region code`);
        const user = await createStaffUser(ctx, null, {
          orgId: org.id,
          username: values.username!,
          displayName: values.name ?? values.username!,
          password: password!,
          roles: [values.role as StaffRole],
        });
        console.info(
          `Created staff user ${user.username} (id ${user.id}, ${values.role}) in ${user.orgName} (org ${user.orgId}).`,
        );
        break;
      }
      case 'backup': {
        const summary = await createBackup(ctx.database, positionals[0]!);
        const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
        console.info(`Backup written to ${positionals[0]}: ${summary.tables.length} tables, ${rows} rows.`);
        break;
      }
      case 'requests:escalate': {
        const at = now ?? ctx.clock.now();
        const n = await runEscalation({ ...ctx, clock: { now: () => at } });
        console.info(`Escalation run at ${at.toISOString()}: ${n} overdue request(s) passed up.`);
        break;
      }
      case 'consultations:timeouts': {
        const at = now ?? ctx.clock.now();
        const n = await runConsultationTimeouts({ ...ctx, clock: { now: () => at } });
        console.info(`Consultation pick-up check at ${at.toISOString()}: ${n} question(s) moved.`);
        break;
      }
      case 'stats:rebuild': {
        await inTransaction(ctx.db, (tx) => recountRollups(tx));
        console.info('Member statistics recounted for every org.');
        break;
      }
      case 'restore': {
        const summary = await restoreBackup(ctx.database, positionals[0]!);
        const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
        console.info(
          `Restored ${positionals[0]}: ${summary.tables.length} tables, ${rows} rows; checksums match.`,
        );
        break;
      }
    }
  } finally {
    await opened.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (err instanceof AppError) {
    const details = err.details.map((d) => `\n  ${d.path.replace(/^body\./, '')}: ${d.message}`).join('');
    console.error(`${err.message}${details}`);
  } else if (
    err instanceof ConfigError ||
    err instanceof DatabaseUnreachableError ||
    err instanceof DataDirBusyError
  ) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
