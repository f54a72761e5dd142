import { useEffect, useState } from 'react';
import { recordRating } from '../db/feedbackStore';
import { useDescribeError } from '../lib/errorText';
import { getCustomerDisplay } from '../lib/customerDisplay';
import { useT } from '../lib/i18n';
import { useAltShortcuts } from '../lib/shortcuts';
import { currentDeviceHeaders, useSession } from '../state/sessionState';
import { lockNow } from '../state/dataKey';
import { useUpdateFollower } from '../state/updates';
import { useSyncEngine } from './useSyncEngine';
import { useDeviceUpkeep } from './useDeviceUpkeep';
import { holdsCaseRole } from '../../../shared/domain/roleSeparation';
import { WorkspaceBar } from './WorkspaceBar';
import { WorkspaceScreen } from './WorkspaceScreen';
import { WorkspaceTabs } from './WorkspaceTabs';
import { homeTab, tabsFor, type TabName, type WorkspaceView } from './workspaceView';
import { PushAttention } from '../features/sync/PushAttention';
import { RejectedMutations } from '../features/sync/RejectedMutations';
import { DocumentPrinter } from '../features/receipt/DocumentPrinter';
import { ReturnSummary } from '../features/visits/ReturnSummary';
import { deskActorOf } from '../lib/caseSteps';
import { useRatingAlertCount } from '../features/ratings/useRatingAlertCount';
import { useLowRatingAlerts } from '../state/lowRatingAlerts';

/**
 * The signed-in person's screens, with sync running underneath: each role lands on its home (the
 * clerk at the counter, the officer on the desk, the supervisor on the approval queue, field staff on
 * the day's visits, the administrator on the admin screens) and sees only the tabs it may use
 * (workspaceView.ts).
 */
export function Workspace() {
  const t = useT();
  const describeError = useDescribeError();
  const { session, config } = useSession();
  const roles = session?.user.roles ?? [];
  const [view, setView] = useState<WorkspaceView>(() => ({ tab: homeTab(roles) }));
  const [notice, setNotice] = useState<string>();
  const [intakeFocus, setIntakeFocus] = useState(0);
  // Only the roles that work on cases sync them; the administrator's device keeps only its upkeep.
  const syncsCases = holdsCaseRole(roles);
  const engine = useSyncEngine(syncsCases ? config : undefined);
  useDeviceUpkeep(syncsCases ? undefined : config);

  // The citizen's rating comes back from the customer display: kept with the case and queued for the
  // bureau in one transaction (db/feedbackStore.ts), then sent with the next sync.
  useEffect(
    () =>
      getCustomerDisplay().subscribe((message) => {
        if (message.type !== 'rating') return;
        const { type: _type, ...rating } = message;
        recordRating(rating).then(
          () => {
            setNotice(t('feedbackReceived', { score: rating.score }));
            engine?.syncSoon();
          },
          (error: unknown) => setNotice(t('ratingNotKept', { message: describeError(error) })),
        );
      }),
    [t, engine, describeError],
  );

  // The server's update feed goes to the host once signed in; the host never restarts mid-case.
  useUpdateFollower();

  // The supervisor's tab of the citizens' ratings shows how many low ones nobody has acknowledged.
  useRatingAlertCount(config && session ? { serverUrl: config.serverUrl, token: session.token } : undefined, roles.includes('supervisor'));
  const lowRatings = useLowRatingAlerts((s) => s.unacknowledged);

  function openCustomerDisplay() {
    void getCustomerDisplay()
      .open()
      .then((opened) => setNotice(opened ? t('customerDisplayOpened') : t('customerDisplayBlocked')));
  }

  function openTab(tab: TabName) {
    setView({ tab });
    // Alt+N also puts the cursor back in the intake form's first field, as at the start of a new case.
    if (tab === 'intake') setIntakeFocus((n) => n + 1);
  }
  const tabShortcuts = Object.fromEntries(tabsFor(roles).flatMap((entry) => (entry.key ? [[entry.key, () => openTab(entry.tab)]] : [])));
  useAltShortcuts({
    ...tabShortcuts,
    // The customer display shows a citizen their own case: only for people who take cases in.
    ...(syncsCases ? { k: openCustomerDisplay } : {}),
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
        syncsCases={syncsCases}
        onSyncNow={() => void engine?.syncNow()}
        onOpenCustomerDisplay={openCustomerDisplay}
        onNotice={setNotice}
      />
      <WorkspaceTabs view={view} onTab={(tab) => setView({ tab })} roles={roles} alerts={lowRatings && roles.includes('supervisor') ? { ratings: t('ratings.alertCount', { count: lowRatings }) } : {}} />
      <PushAttention onRetry={() => engine?.retryPush() ?? Promise.resolve()} />
      <RejectedMutations onOpenCase={(caseId) => setView({ tab: 'detail', caseId, from: 'cases' })} />
      <ReturnSummary />
      <main>
        {notice && (
          <p className="workspace-notice" role="status">
            {notice}
          </p>
        )}
        <WorkspaceScreen view={view} onView={setView} api={serverApi} actor={deskActorOf(session.user)} intakeFocus={intakeFocus} onChanged={() => engine?.syncSoon()} />
        <DocumentPrinter serverUrl={config.serverUrl} />
      </main>
    </>
  );
}
