import { priorityReasons, queueGroups, type PriorityReason, type QueueGroupCode } from '../../../../shared/domain/queueGroups';
import type { Locale } from '../../state/locale';
import { groupName } from '../groupName';
import type { Translate } from '../pageLanguage';
import type { KioskStatus } from '../../../../shared/schemas/ticketQueue';

const kioskGroups = queueGroups.filter((group) => group.atKiosk);

interface ChooseProps {
  t: Translate;
  locale: Locale;
  status: KioskStatus | undefined;
  priority: PriorityReason | null;
  busy: boolean;
  onPriority: (priority: PriorityReason | null) => void;
  onChoose: (group: QueueGroupCode) => void;
}

/** The citizen's one or two taps: a priority reason if any, then the service's group, which issues at once. */
export function KioskChoose({ t, locale, status, priority, busy, onPriority, onChoose }: ChooseProps) {
  const waitingOf = (code: QueueGroupCode) => status?.groups.find((g) => g.group === code)?.waiting;
  return (
    <main className="kiosk-main" aria-labelledby="kiosk-title" aria-busy={busy}>
      <h1 id="kiosk-title">{t('kiosk.title')}</h1>
      <section className="kiosk-priority" aria-labelledby="kiosk-priority-title">
        <h2 id="kiosk-priority-title">{t('kiosk.priorityQuestion')}</h2>
        <div className="kiosk-priority-buttons">
          {priorityReasons.map((reason) => (
            <button key={reason} type="button" aria-pressed={priority === reason} onClick={() => onPriority(priority === reason ? null : reason)}>
              {t(`kiosk.priority.${reason}`)}
            </button>
          ))}
        </div>
      </section>
      <section aria-labelledby="kiosk-groups-title">
        <h2 id="kiosk-groups-title">{t('kiosk.groupsTitle')}</h2>
        <ul className="kiosk-groups">
          {kioskGroups.map((group) => {
            const waiting = waitingOf(group.code);
            return (
              <li key={group.code}>
                <button type="button" className="kiosk-group" disabled={busy} onClick={() => onChoose(group.code)}>
                  <span className="kiosk-group-letter" aria-hidden="true">
                    {group.code}
                  </span>
                  <span className="kiosk-group-name">{groupName(group.code, locale)}</span>
                  {waiting !== undefined && <span className="kiosk-group-waiting">{t('kiosk.waiting', { count: waiting })}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      {busy && (
        <p className="kiosk-busy" role="status">
          {t('kiosk.issuing')}
        </p>
      )}
    </main>
  );
}
