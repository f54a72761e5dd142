/**
 * Runs the background jobs of this server process: the notification sender (when a gateway is
 * configured), the deadline watcher, the renewal reminders, the cleanup of abandoned document uploads
 * and of ended request-limit windows, and the audit chain's daily anchor (also written at the first start
 * and at shutdown, so the tail no anchor covers stays short). Each job runs at its interval, never overlapping itself;
 * a failed run is logged and the next one tries again. The timers start when the app is ready and
 * stop when it closes. With several servers behind a load balancer, run the jobs on one (JOBS=0 on
 * the others) — running them on all is safe too: claims and the outbox's unique keys keep every
 * message single, at the cost of duplicate work.
 */
import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../audit/auditTrail';
import type { AppContext } from '../context/appContext';
import { RATE_LIMIT_CLEANUP_INTERVAL_MS, deleteEndedWindows } from '../authz/rateLimitWindows';
import { createHttpSmsGateway } from '../notifications/smsGateway';
import { watchDeadlines } from './deadlineWatcher';
import { sendDueNotifications } from './notificationSender';
import { RENEWAL_REMINDER_INTERVAL_MS, remindRenewals } from './renewalReminders';
import { UPLOAD_CLEANUP_INTERVAL_MS, cleanUpIncompleteUploads } from './uploadCleanup';

interface Job {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

/** How often the anchor job looks whether today's anchor is written (it writes one a day). */
const AUDIT_ANCHOR_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function registerJobs(app: FastifyInstance, context: AppContext, options: { documentsDir: string; auditTrail: AuditTrail }): void {
  const { jobs, smsGateway, publicBaseUrl, bureau } = context.config.notifications;
  if (!jobs.enabled) return;
  const list: Job[] = [
    {
      name: 'deadline watcher',
      intervalMs: jobs.deadlineWatchIntervalMs,
      run: () => watchDeadlines(context.db, { now: context.now(), publicBaseUrl, bureauPhone: bureau.phone }),
    },
    {
      name: 'renewal reminders',
      intervalMs: RENEWAL_REMINDER_INTERVAL_MS,
      run: () => remindRenewals(context.db, { now: context.now(), publicBaseUrl, bureauPhone: bureau.phone }),
    },
    {
      name: 'upload cleanup',
      intervalMs: UPLOAD_CLEANUP_INTERVAL_MS,
      run: () => cleanUpIncompleteUploads(options.documentsDir, { now: context.now(), maxAgeMs: context.config.incompleteUploadMaxAgeMs }),
    },
    {
      name: 'rate limit cleanup',
      intervalMs: RATE_LIMIT_CLEANUP_INTERVAL_MS,
      run: () => deleteEndedWindows(context.db, context.now()),
    },
    {
      name: 'audit anchor',
      intervalMs: AUDIT_ANCHOR_CHECK_INTERVAL_MS,
      run: () => options.auditTrail.writeDailyAnchor(),
    },
  ];
  if (smsGateway.url) {
    const gateway = createHttpSmsGateway({ url: smsGateway.url, token: smsGateway.token, timeoutMs: smsGateway.timeoutMs });
    list.push({
      name: 'notification sender',
      intervalMs: jobs.sendIntervalMs,
      run: () => sendDueNotifications(context.db, gateway, { now: context.now(), leaseMs: Math.max(smsGateway.timeoutMs * 3, 60_000) }),
    });
  } else {
    app.log.warn('SMS_GATEWAY_URL is not set: messages wait in the outbox until a gateway is configured');
  }

  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const tick = (job: Job) => {
    if (running.has(job.name)) return;
    running.add(job.name);
    job
      .run()
      .catch((error: unknown) => app.log.error({ err: error }, `${job.name} failed`))
      .finally(() => running.delete(job.name));
  };
  app.addHook('onReady', async () => {
    for (const job of list) {
      const timer = setInterval(() => tick(job), job.intervalMs);
      timer.unref();
      timers.push(timer);
      tick(job);
    }
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearInterval(timer);
    if (context.config.auditAnchorFile) {
      await options.auditTrail.writeAnchor({ userName: null }).catch((error: unknown) => app.log.error({ err: error }, 'audit anchor at shutdown failed'));
    }
  });
}
