import type { Role } from '../../../shared/schemas/auth';
import type { MessageKey } from '../lib/i18n';

/**
 * The workspace's screens, which role sees each, and where each role lands after sign-in — one table,
 * so the navigation, the Alt shortcuts and the landing screen cannot disagree. A role sees only what it
 * may do: the officer has no intake, the clerk no desk, the administrator (who reads no taxpayer data)
 * no case screen at all. A new screen is one row here and one branch in Workspace.tsx.
 */
interface TabRow {
  tab: string;
  label: MessageKey;
  /** Alt+letter that opens it (lib/shortcuts.ts), shown on the tab. */
  key?: string;
  roles: readonly Role[];
  /** The roles that land here after sign-in; the first row naming one of a person's roles wins. */
  homeOf?: readonly Role[];
}

export const WORKSPACE_TABS = [
  { tab: 'intake', label: 'newCase', key: 'n', roles: ['clerk', 'field-staff', 'supervisor'], homeOf: ['clerk'] },
  { tab: 'desk', label: 'desk.tab', key: 'c', roles: ['officer', 'supervisor'], homeOf: ['officer'] },
  { tab: 'supervisor', label: 'supTab', key: 'h', roles: ['supervisor'], homeOf: ['supervisor'] },
  { tab: 'visits', label: 'visitsTab', key: 'v', roles: ['field-staff', 'supervisor'], homeOf: ['field-staff'] },
  { tab: 'lane', label: 'laneTab', key: 'w', roles: ['clerk', 'supervisor'] },
  { tab: 'cases', label: 'caseList', key: 'l', roles: ['clerk', 'field-staff', 'officer', 'supervisor'] },
  // A case this computer does not hold: online, with a reason, audited, read-only (decision 0030).
  { tab: 'lookup', label: 'lookup.tab', key: 'e', roles: ['clerk', 'field-staff', 'officer', 'supervisor'] },
  { tab: 'reports', label: 'repTab', roles: ['supervisor'] },
  // The citizens' low ratings and the complaints opened from them (decision 0037). No Alt key: the
  // letters left are kept for the queue's screens; the tab shows how many alerts wait.
  { tab: 'ratings', label: 'ratings.tab', roles: ['supervisor'] },
  // Which counter calls which queue groups today (features/counterPlan).
  { tab: 'counters', label: 'counterPlan.tab', key: 'u', roles: ['supervisor'] },
  // The service catalogue: its limits, documents, procedures and Q&A, edited, previewed and published by
  // the bureau's chiefs (docs/decisions/0041-catalogue-editing.md). X: the supervisor's last free letter.
  { tab: 'catalogue', label: 'catEdit.tab', key: 'x', roles: ['supervisor'] },
  { tab: 'users', label: 'admin.usersTab', key: 'u', roles: ['admin'], homeOf: ['admin'] },
  { tab: 'devices', label: 'admin.devicesTab', key: 'e', roles: ['admin'] },
  { tab: 'units', label: 'unit.tab', roles: ['admin'] },
  { tab: 'audit', label: 'admin.auditTab', roles: ['admin'] },
  { tab: 'health', label: 'admin.healthTab', roles: ['admin'] },
  { tab: 'printers', label: 'printersTab', roles: ['clerk', 'field-staff', 'officer', 'supervisor', 'admin'] },
] as const satisfies readonly TabRow[];

export type TabName = (typeof WORKSPACE_TABS)[number]['tab'];
export type WorkspaceTab = TabRow & { tab: TabName };

/**
 * Which screen the workspace shows: a tab, one case opened from the list it was opened from, the
 * re-examination (複查) of a decided case opened from that case, or the online lookup with what the
 * case list searched for.
 */
export type WorkspaceView =
  | { tab: TabName }
  | { tab: 'detail'; caseId: string; from: TabName }
  | { tab: 'reexamine'; caseId: string; from: TabName }
  | { tab: 'lookup'; query: string };

/** The tabs these roles see, in the table's order. */
export function tabsFor(roles: readonly Role[]): WorkspaceTab[] {
  return (WORKSPACE_TABS as readonly WorkspaceTab[]).filter((entry) => entry.roles.some((role) => roles.includes(role)));
}

/** Where these roles land after sign-in: their home, else the first screen they see. */
export function homeTab(roles: readonly Role[]): TabName {
  const home = (WORKSPACE_TABS as readonly WorkspaceTab[]).find((entry) => entry.homeOf?.some((role) => roles.includes(role)));
  return home?.tab ?? tabsFor(roles)[0]?.tab ?? 'printers';
}

/** The tab a view belongs to (a case opened from the desk belongs to the desk). */
export function tabOf(view: WorkspaceView): TabName {
  return view.tab === 'detail' || view.tab === 'reexamine' ? view.from : view.tab;
}
