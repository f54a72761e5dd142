import type { ServerHealth } from '../../../../shared/schemas/serverHealth';
import { useT } from '../../lib/i18n';
import type { ApiOptions } from '../../sync/api';
import { fetchServerHealth } from './adminApi';
import { instantText } from './instantText';
import { ServerQueryState } from './ServerQueryState';
import { useServerQuery } from './useServerQuery';

/** 伺服器狀態 Server health: version, database, background jobs, the SMS queue and the accounts in use. */
export function ServerHealthView({ api }: { api: ApiOptions }) {
  const t = useT();
  const query = useServerQuery(api, fetchServerHealth);
  return (
    <section className="admin-health" aria-labelledby="admin-health-heading" aria-busy={query.loading}>
      <h2 id="admin-health-heading">{t('admin.healthTab')}</h2>
      <ServerQueryState query={query} />
      {query.data && <HealthFacts health={query.data} />}
    </section>
  );
}

function HealthFacts({ health }: { health: ServerHealth }) {
  const t = useT();
  const { database, jobs, notifications, accounts } = health;
  return (
    <dl className="facts">
      <dt>{t('admin.version')}</dt>
      <dd>{health.version}</dd>
      <dt>{t('admin.startedAt')}</dt>
      <dd>{instantText(health.startedAt)}</dd>
      <dt>{t('admin.database')}</dt>
      <dd>
        {t(database.kind === 'postgres' ? 'admin.databasePostgres' : 'admin.databasePglite')} · {t(database.reachable ? 'admin.reachable' : 'admin.unreachable')} ·{' '}
        {t('admin.schemaVersion', { version: database.schemaVersion })}
      </dd>
      <dt>{t('admin.jobs')}</dt>
      <dd>
        {t(jobs.enabled ? 'admin.jobsOn' : 'admin.jobsOff')} · {t(jobs.smsGateway ? 'admin.smsOn' : 'admin.smsOff')}
      </dd>
      <dt>{t('admin.smsQueue')}</dt>
      <dd>
        {t('admin.smsCounts', { pending: notifications.pending, failed: notifications.failed })}
        {notifications.oldestPendingAt && ` · ${t('admin.oldestPending', { at: instantText(notifications.oldestPendingAt) })}`}
      </dd>
      <dt>{t('admin.accounts')}</dt>
      <dd>{t('admin.accountCounts', { users: accounts.activeUsers, devices: accounts.activeDevices, sessions: accounts.liveSessions })}</dd>
      <dt>{t('admin.checkedAt')}</dt>
      <dd>{instantText(health.checkedAt)}</dd>
    </dl>
  );
}
