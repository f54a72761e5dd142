import { useEffect, useState } from 'react';
import { saveFeedback } from '../db/feedbackStore';
import { recordAudit } from '../db/auditStore';
import { getCustomerDisplay } from '../lib/customerDisplay';
import { useT } from '../lib/i18n';
import { useAltShortcuts } from '../lib/shortcuts';
import { currentDeviceHeaders, useSession } from '../state/sessionState';
import { lockNow } from '../state/dataKey';
import { useUpdateFollower } from '../state/updates';
import { useSyncEngine } from './useSyncEngine';
import { WorkspaceBar } from './WorkspaceBar';
import { WorkspaceTabs } from './WorkspaceTabs';
import type { WorkspaceView } from './workspaceView';
import { IntakeForm } from '../features/intake/IntakeForm';
import { CaseList } from '../features/cases/CaseList';
import { CaseDetail } from '../features/cases/CaseDetail';
import { ReexaminationIntake } from '../features/reexamination/ReexaminationIntake';
import { RejectedMutations } from '../features/sync/RejectedMutations';
import { DocumentPrinter } from '../features/receipt/DocumentPrinter';
import { PrinterSettings } from '../features/settings/PrinterSettings';
import { ReportsView } from '../features/reports/ReportsView';
import { outboxCaseDecisions } from '../features/supervisor/caseDecisions';
import { deskActorOf } from '../lib/caseSteps';
import { SupervisorWorkspace } from '../features/supervisor/SupervisorWorkspace';
import { LaneView } from '../features/lane/LaneView';
import { ReturnSummary } from '../features/visits/ReturnSummary';
import { VisitsView, seesVisits } from '../features/visits/VisitsView';
import { UnitsView } from '../features/units/UnitsView';

/** The signed-in clerk's screen: intake, the local case list and case details, with sync running underneath. */
export function Workspace() {
  const t = useT();
  const { session, config } = useSession();
  const [view, setView] = useState<WorkspaceView>({ tab: 'intake' });
  const [notice, setNotice] = useState<string>();
  const [intakeFocus, setIntakeFocus] = useState(0);
  const engine = useSyncEngine(config);

  // The citizen's rating comes back from the customer display.
  const username = session?.user.username ?? '';
  useEffect(
    () =>
      getCustomerDisplay().subscribe((message) => {
        if (message.type !== 'rating') return;
        const { caseId, caseNo, score, comment } = message;
        void saveFeedback({ caseId, caseNo, score, at: new Date().toISOString(), ...(comment ? { comment } : {}) }).then(() => recordAudit(caseId, username, 'feedback', String(score)));
        setNotice(t('feedbackReceived', { score }));
      }),
    [username, t],
  );

  // The server's update feed goes to the host once signed in; the host never restarts mid-case.
  useUpdateFollower();

  function openCustomerDisplay() {
    void getCustomerDisplay()
      .open()
      .then((opened) => setNotice(opened ? t('customerDisplayOpened') : t('customerDisplayBlocked')));
  }

  useAltShortcuts({
    n: () => {
      setView({ tab: 'intake' });
      setIntakeFocus((n) => n + 1);
    },
    l: () => setView({ tab: 'cases' }),
    w: () => setView({ tab: 'lane' }),
    v: () => {
      if (seesVisits(useSession.getState().session?.user.roles ?? [])) setView({ tab: 'visits' });
    },
    k: openCustomerDisplay,
    // Locking unmounts this workspace, which stops the sync engine: nothing reads taxpayer data while locked.
    q: () => void lockNow(),
  });

  useEffect(() => {
    performance.mark('counterdesk:workspace-ready');
  }, []);

  if (!session || !config) return null;
  const serverApi = { serverUrl: config.serverUrl, token: session.token, headers: currentDeviceHeaders() };
  return (
    <>
      <WorkspaceBar
        displayName={session.user.displayName}
        stationCode={session.device.stationCode}
        onSyncNow={() => void engine?.syncNow()}
        onOpenCustomerDisplay={openCustomerDisplay}
        onNotice={setNotice}
      />
      <WorkspaceTabs view={view} onView={setView} roles={session.user.roles} />
      <RejectedMutations onOpenCase={(caseId) => setView({ tab: 'detail', caseId })} />
      <ReturnSummary />
      <main>
        {notice && (
          <p className="workspace-notice" role="status">
            {notice}
          </p>
        )}
        {view.tab === 'supervisor' ? (
          <SupervisorWorkspace api={serverApi} decisions={outboxCaseDecisions(deskActorOf(session.user), () => engine?.syncSoon())} onCaseSaved={() => engine?.syncSoon()} />
        ) : view.tab === 'reports' ? (
          <ReportsView api={serverApi} />
        ) : view.tab === 'units' ? (
          <UnitsView api={serverApi} />
        ) : view.tab === 'printers' ? (
          <PrinterSettings />
        ) : view.tab === 'visits' ? (
          <VisitsView api={serverApi} roles={session.user.roles} onChanged={() => engine?.syncSoon()} />
        ) : view.tab === 'lane' ? (
          <LaneView onCaseSaved={() => engine?.syncSoon()} />
        ) : view.tab === 'intake' ? (
          <IntakeForm onSaved={() => engine?.syncSoon()} focusSignal={intakeFocus} />
        ) : view.tab === 'cases' ? (
          <CaseList onOpen={(caseId) => setView({ tab: 'detail', caseId })} />
        ) : view.tab === 'reexamine' ? (
          <ReexaminationIntake caseId={view.caseId} onSaved={() => engine?.syncSoon()} onBack={() => setView({ tab: 'detail', caseId: view.caseId })} />
        ) : (
          <CaseDetail
            key={view.caseId}
            caseId={view.caseId}
            api={serverApi}
            onBack={() => setView({ tab: 'cases' })}
            onChanged={() => engine?.syncSoon()}
            onOpenCase={(caseId) => setView({ tab: 'detail', caseId })}
            onReexamine={(caseId) => setView({ tab: 'reexamine', caseId })}
          />
        )}
        <DocumentPrinter serverUrl={config.serverUrl} />
      </main>
    </>
  );
}
