/** Which screen the workspace shows. */
export type WorkspaceView = { tab: 'intake' } | { tab: 'lane' } | { tab: 'cases' } | { tab: 'detail'; caseId: string } | { tab: 'reexamine'; caseId: string } | { tab: 'supervisor' } | { tab: 'reports' } | { tab: 'printers' } | { tab: 'visits' } | { tab: 'units' };
