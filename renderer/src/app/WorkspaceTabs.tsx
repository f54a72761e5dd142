import type { Role } from '../../../shared/schemas/auth';
import { seesVisits } from '../features/visits/VisitsView';
import { useT } from '../lib/i18n';
import type { WorkspaceView } from './workspaceView';

/** The workspace's tabs; the visits, supervisor, reports and units tabs only for the roles that use them. */
export function WorkspaceTabs({ view, onView, roles }: { view: WorkspaceView; onView: (view: WorkspaceView) => void; roles: readonly Role[] }) {
  const t = useT();
  const isSupervisor = roles.includes('supervisor');
  return (
    <nav className="tabs" aria-label={t('appName')}>
      <button type="button" aria-pressed={view.tab === 'intake'} onClick={() => onView({ tab: 'intake' })} aria-keyshortcuts="Alt+N">
        {t('newCase')} <kbd>Alt+N</kbd>
      </button>
      <button type="button" aria-pressed={view.tab === 'cases' || view.tab === 'detail'} onClick={() => onView({ tab: 'cases' })} aria-keyshortcuts="Alt+L">
        {t('caseList')} <kbd>Alt+L</kbd>
      </button>
      <button type="button" aria-pressed={view.tab === 'lane'} onClick={() => onView({ tab: 'lane' })} aria-keyshortcuts="Alt+W">
        {t('laneTab')} <kbd>Alt+W</kbd>
      </button>
      {seesVisits(roles) && (
        <button type="button" aria-pressed={view.tab === 'visits'} onClick={() => onView({ tab: 'visits' })} aria-keyshortcuts="Alt+V">
          {t('visitsTab')} <kbd>Alt+V</kbd>
        </button>
      )}
      {isSupervisor && (
        <>
          <button type="button" aria-pressed={view.tab === 'supervisor'} onClick={() => onView({ tab: 'supervisor' })}>
            {t('supTab')}
          </button>
          <button type="button" aria-pressed={view.tab === 'reports'} onClick={() => onView({ tab: 'reports' })}>
            {t('repTab')}
          </button>
        </>
      )}
      {roles.includes('admin') && (
        <button type="button" aria-pressed={view.tab === 'units'} onClick={() => onView({ tab: 'units' })}>
          {t('unit.tab')}
        </button>
      )}
      <button type="button" aria-pressed={view.tab === 'printers'} onClick={() => onView({ tab: 'printers' })}>
        印表機設定 <span lang="en">Printers</span>
      </button>
    </nav>
  );
}
