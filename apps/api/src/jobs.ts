import { purgeUnclaimedAttachments } from './modules/attachments/index.js';
import { runConsultationTimeouts } from './modules/consultations/index.js';
import { remindDueRechecks } from './modules/hardship/index.js';
import { remindOverdueRectifications } from './modules/legal-supervision/index.js';
import { drainDueNotifications } from './modules/notifications/index.js';
import { runEscalation } from './modules/service-requests/index.js';
import { runTransferAutoAccept } from './modules/transfers/index.js';
import type { AppContext } from './platform/context.js';
import type { Job } from './platform/jobs.js';

/**
 * The background jobs every API process runs. Each locks what it takes (SKIP LOCKED), so several
 * servers may run them side by side.
 */
export function backgroundJobs(ctx: AppContext): Job[] {
  return [
    // Notices queued for SMS and e-mail go out within seconds, several sends in flight, passes back to
    // back while the queue is full; failures back off per delivery.
    { name: 'notification-delivery', everyMs: 2000, run: () => drainDueNotifications(ctx) },
    // Transfers nobody rejected complete after 30 days; hourly is precise enough for days.
    { name: 'transfer-auto-accept', everyMs: 3600_000, run: () => runTransferAutoAccept(ctx) },
    // Overdue service requests move up one level a day (督办); each is looked at once a day.
    { name: 'request-escalation', everyMs: 3600_000, run: () => runEscalation(ctx) },
    // Uploads no form claimed within a day are removed with their files.
    { name: 'attachment-purge', everyMs: 3600_000, run: () => purgeUnclaimedAttachments(ctx) },
    // Unions hear of their overdue rectifications once a day per inspection until they close.
    { name: 'rectification-overdue', everyMs: 3600_000, run: () => remindOverdueRectifications(ctx) },
    // Keeping unions hear of hardship files whose yearly re-check is due within 30 days or overdue,
    // once a China day per file, one notice per union.
    { name: 'hardship-recheck-due', everyMs: 3600_000, run: () => remindDueRechecks(ctx) },
    // Legal questions not picked up in time move to the next lawyer on duty; waiting ones find one.
    { name: 'consultation-timeouts', everyMs: 60_000, run: () => runConsultationTimeouts(ctx) },
  ];
}
