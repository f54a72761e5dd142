import type { Role } from '../../../shared/schemas/auth';
import { useT } from '../lib/i18n';
import { tabOf, tabsFor, type TabName, type WorkspaceView } from './workspaceView';

/** The workspace's tabs: the screens these roles may use (workspaceView.ts), each with its Alt shortcut. */
export function WorkspaceTabs({ view, onTab, roles }: { view: WorkspaceView; onTab: (tab: TabName) => void; roles: readonly Role[] }) {
  const t = useT();
  const current = tabOf(view);
  return (
    <nav className="tabs" aria-label={t('appName')}>
      {tabsFor(roles).map((entry) => {
        const shortcut = entry.key ? `Alt+${entry.key.toUpperCase()}` : undefined;
        return (
          <button key={entry.tab} type="button" aria-pressed={current === entry.tab} onClick={() => onTab(entry.tab)} aria-keyshortcuts={shortcut}>
            {t(entry.label)} {shortcut && <kbd>{shortcut}</kbd>}
          </button>
        );
      })}
    </nav>
  );
}
