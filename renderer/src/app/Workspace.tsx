import { useEffect, useMemo, useState } from 'react';
import { saveFeedback } from '../db/feedbackStore';
import { recordAudit } from '../db/auditStore';
import { getCustomerDisplay } from '../lib/customerDisplay';
import { useT } from '../lib/i18n';
import { useAltShortcuts } from '../lib/shortcuts';
import { currentDeviceHeaders, useSession } from '../state/sessionState';
import { pushLocalAudit } from '../state/auditPush';
import { getDevicePolicy, refreshDevicePolicy } from '../state/devicePolicy';
import { lockNow } from '../state/dataKey';
import { noteFieldLaptop, purgeClosedCases } from '../state/closedCasePurge';
import { serverNow } from '../sync/clockOffset';
import { refreshReferenceData } from '../lib/referenceData';
import { useUpdateFollower } from '../state/updates';
import { useUpdateNote } from './updateNote';
import { SyncEngine } from '../sync/syncEngine';
import { useSyncStatus } from '../state/syncStatus';
import { deviceHeaders } from '../state/deviceCredential';
import { IntakeForm } from '../features/intake/IntakeForm';
import { CaseList } from '../features/cases/CaseList';
import { CaseDetail } from '../features/cases/CaseDetail';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { RejectedMutations } from '../features/sync/RejectedMutations';
import { DocumentPrinter } from '../features/receipt/DocumentPrinter';
import { PrinterSettings } from '../features/settings/PrinterSettings';
import { ReportsView } from '../features/reports/ReportsView';
import { outboxCaseDecisions } from '../features/supervisor/caseDecisions';
import { SupervisorWorkspace } from '../features/supervisor/SupervisorWorkspace';
import { LaneView } from '../features/lane/LaneView';
import { ReturnSummary } from '../features/visits/ReturnSummary';
import { afterSyncVisits } from '../features/visits/returnSummary';
import { VisitsView, seesVisits } from '../features/visits/VisitsView';
import { useDescribeError } from '../lib/errorText';

type View = { tab: 'intake' } | { tab: 'lane' } | { tab: 'cases' } | { tab: 'detail'; caseId: string } | { tab: 'supervisor' } | { tab: 'reports' } | { tab: 'printers' } | { tab: 'visits' };

/** The signed-in clerk's screen: intake, the local case list and case details, with sync running underneath. */
export function Workspace() {
  const t = useT();
  const describeError = useDescribeError();
  const { session, config, signOut } = useSession();
  const [view, setView] = useState<View>({ tab: 'intake' });
  const [notice, setNotice] = useState<string>();
  const [intakeFocus, setIntakeFocus] = useState(0);

  const engine = useMemo(
    () =>
      config
        ? new SyncEngine({
            serverUrl: config.serverUrl,
            status: useSyncStatus,
            getToken: () => useSession.getState().session?.token,
            getStationCode: () => useSession.getState().session?.device.stationCode,
            getHeaders: () => {
              const credential = useSession.getState().credential;
              return credential ? deviceHeaders(credential) : {};
            },
            onUnauthorized: () => void useSession.getState().signOut(),
            onDeviceRevoked: (message) => useSession.getState().deviceRevoked(message),
            afterSync: async (api) => {
              // First: visit outcomes are the day's work; a failed reference refresh must not hold them back.
              await afterSyncVisits(api);
              await pushLocalAudit(api);
              await refreshReferenceData(api);
              await refreshDevicePolicy(api);
              // Field laptops drop closed cases the server confirmed, once kept as long as the policy says.
              if (await noteFieldLaptop(useSession.getState().session?.user.roles ?? [])) {
                const purged = await purgeClosedCases({ retentionDays: getDevicePolicy().closedCaseRetentionDays, serverNow: serverNow(useSyncStatus.getState().clockOffsetMs) });
                return purged.length > 0;
              }
              return false;
            },
          })
        : undefined,
    [config],
  );

  useEffect(() => {
    engine?.start();
    return () => engine?.stop();
  }, [engine]);

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
  const updateNote = useUpdateNote();

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
  const isSupervisor = session.user.roles.includes('supervisor');
  const serverApi = { serverUrl: config.serverUrl, token: session.token, headers: currentDeviceHeaders() };
  return (
    <>
      <section className="workspace-bar" aria-label={t('station')}>
        <span>
          {t('signedInAs')}: {session.user.displayName} · {t('station')}: {session.device.stationCode}
        </span>
        <SyncIndicator onSyncNow={() => void engine?.syncNow()} />
        {updateNote && (
          <span className="update-note" role="status">
            {t(updateNote.key, { version: updateNote.version })}
          </span>
        )}
        <button type="button" className="link-button" onClick={openCustomerDisplay} aria-keyshortcuts="Alt+K">
          {t('openCustomerDisplay')} <kbd>Alt+K</kbd>
        </button>
        <button type="button" className="link-button" onClick={() => void lockNow()} aria-keyshortcuts="Alt+Q">
          {t('lockNow')} <kbd>Alt+Q</kbd>
        </button>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void useSession
              .getState()
              .signOutEverywhere()
              .catch((error: unknown) => setNotice(`${t('signOutEverywhereFailed')}: ${describeError(error)}`))
          }
        >
          {t('signOutEverywhere')}
        </button>
      </section>
      <nav className="tabs" aria-label={t('appName')}>
        <button type="button" aria-pressed={view.tab === 'intake'} onClick={() => setView({ tab: 'intake' })} aria-keyshortcuts="Alt+N">
          {t('newCase')} <kbd>Alt+N</kbd>
        </button>
        <button type="button" aria-pressed={view.tab === 'cases' || view.tab === 'detail'} onClick={() => setView({ tab: 'cases' })} aria-keyshortcuts="Alt+L">
          {t('caseList')} <kbd>Alt+L</kbd>
        </button>
        <button type="button" aria-pressed={view.tab === 'lane'} onClick={() => setView({ tab: 'lane' })} aria-keyshortcuts="Alt+W">
          {t('laneTab')} <kbd>Alt+W</kbd>
        </button>
        {seesVisits(session.user.roles) && (
          <button type="button" aria-pressed={view.tab === 'visits'} onClick={() => setView({ tab: 'visits' })} aria-keyshortcuts="Alt+V">
            {t('visitsTab')} <kbd>Alt+V</kbd>
          </button>
        )}
        {isSupervisor && (
          <>
            <button type="button" aria-pressed={view.tab === 'supervisor'} onClick={() => setView({ tab: 'supervisor' })}>
              {t('supTab')}
            </button>
            <button type="button" aria-pressed={view.tab === 'reports'} onClick={() => setView({ tab: 'reports' })}>
              {t('repTab')}
            </button>
          </>
        )}
        <button type="button" aria-pressed={view.tab === 'printers'} onClick={() => setView({ tab: 'printers' })}>
          印表機設定 <span lang="en">Printers</span>
        </button>
      </nav>
      <RejectedMutations onOpenCase={(caseId) => setView({ tab: 'detail', caseId })} />
      <ReturnSummary />
      <main>
        {notice && (
          <p className="workspace-notice" role="status">
            {notice}
          </p>
        )}
        {view.tab === 'supervisor' ? (
          <SupervisorWorkspace api={serverApi} decisions={outboxCaseDecisions(session.user.roles, () => engine?.syncSoon())} />
        ) : view.tab === 'reports' ? (
          <ReportsView api={serverApi} />
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
        ) : (
          <CaseDetail caseId={view.caseId} api={serverApi} onBack={() => setView({ tab: 'cases' })} onChanged={() => engine?.syncSoon()} />
        )}
        <DocumentPrinter serverUrl={config.serverUrl} />
      </main>
    </>
  );
}
