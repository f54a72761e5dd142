import type { Role } from '../../../shared/schemas/auth';
import { useT } from '../lib/i18n';
import { tabOf, tabsFor, type TabName, type WorkspaceView } from './workspaceView';

interface WorkspaceTabsProps {
  view: WorkspaceView;
  onTab: (tab: TabName) => void;
  roles: readonly Role[];
  /** What waits on a tab, in words (the ratings tab's unacknowledged low ratings), shown on it. */
  alerts?: Partial<Record<TabName, string>>;
}

/** The workspace's tabs: the screens these roles may use (workspaceView.ts), each with its Alt shortcut and what waits there. */
export function WorkspaceTabs({ view, onTab, roles, alerts = {} }: WorkspaceTabsProps) {
  const t = useT();
  const current = tabOf(view);
  return (
    <nav className="tabs" aria-label={t('appName')}>
      {tabsFor(roles).map((entry) => {
        const shortcut = entry.key ? `Alt+${entry.key.toUpperCase()}` : undefined;
        const alert = alerts[entry.tab];
        return (
          <button key={entry.tab} type="button" aria-pressed={current === entry.tab} onClick={() => onTab(entry.tab)} aria-keyshortcuts={shortcut}>
            {t(entry.label)} {shortcut && <kbd>{shortcut}</kbd>}
            {alert && <span className="tab-alert">{alert}</span>}
          </button>
        );
      })}
    </nav>
  );
}
