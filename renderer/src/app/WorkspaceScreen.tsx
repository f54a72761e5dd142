import type { DeskActor } from '../../../shared/domain/caseDesk';
import type { ApiOptions } from '../sync/api';
import { IntakeForm } from '../features/intake/IntakeForm';
import { CaseList } from '../features/cases/CaseList';
import { CaseLookup } from '../features/lookup/CaseLookup';
import { CaseDetail } from '../features/cases/CaseDetail';
import { DeskView } from '../features/desk/DeskView';
import { PrinterSettings } from '../features/settings/PrinterSettings';
import { StoragePersistenceNote } from '../features/settings/StoragePersistenceNote';
import { ReportsView } from '../features/reports/ReportsView';
import { outboxCaseDecisions } from '../features/supervisor/caseDecisions';
import { SupervisorWorkspace } from '../features/supervisor/SupervisorWorkspace';
import { LaneView } from '../features/lane/LaneView';
import { VisitsView } from '../features/visits/VisitsView';
import { UnitsView } from '../features/units/UnitsView';
import { UsersView } from '../features/admin/UsersView';
import { DevicesView } from '../features/admin/DevicesView';
import { AuditStatusView } from '../features/admin/AuditStatusView';
import { ServerHealthView } from '../features/admin/ServerHealthView';
import { ReexaminationIntake } from '../features/reexamination/ReexaminationIntake';
import { RatingsView } from '../features/ratings/RatingsView';
import { CounterIntake } from '../features/queue/CounterIntake';
import { CounterPlanView } from '../features/counterPlan/CounterPlanView';
import { CatalogueEditorView } from '../features/catalogueEditor/CatalogueEditorView';
import { callsTickets } from '../features/queue/callsTickets';
import type { TabName, WorkspaceView } from './workspaceView';

export interface WorkspaceScreenProps {
  view: WorkspaceView;
  onView: (view: WorkspaceView) => void;
  api: ApiOptions;
  /** The signed-in person as the desk rule sees them (roles and units). */
  actor: DeskActor;
  /** Bumped to put the cursor back in the intake form (Alt+N). */
  intakeFocus: number;
  /** Something was stored that the server should hear of soon. */
  onChanged: () => void;
}

/** The screen of the current view; a case opened from a list goes back to that list. */
export function WorkspaceScreen({ view, onView, api, actor, intakeFocus, onChanged }: WorkspaceScreenProps) {
  const open = (from: TabName) => (caseId: string) => onView({ tab: 'detail', caseId, from });
  switch (view.tab) {
    case 'supervisor':
      return <SupervisorWorkspace api={api} decisions={outboxCaseDecisions(actor, onChanged)} onCaseSaved={onChanged} />;
    case 'reports':
      return <ReportsView api={api} />;
    case 'ratings':
      return <RatingsView api={api} />;
    case 'counters':
      return <CounterPlanView api={api} />;
    case 'catalogue':
      return <CatalogueEditorView api={api} />;
    case 'units':
      return <UnitsView api={api} />;
    case 'users':
      return <UsersView api={api} />;
    case 'devices':
      return <DevicesView api={api} />;
    case 'audit':
      return <AuditStatusView api={api} />;
    case 'health':
      return <ServerHealthView api={api} />;
    case 'printers':
      return (
        <>
          <StoragePersistenceNote />
          <PrinterSettings />
        </>
      );
    case 'visits':
      return <VisitsView api={api} roles={actor.roles} onChanged={onChanged} />;
    case 'lane':
      return <LaneView api={api} onCaseSaved={onChanged} />;
    case 'intake':
      // The counter's people call tickets of the front-office queue above their intake; a field laptop takes none.
      return callsTickets(actor.roles) ? <CounterIntake api={api} onSaved={onChanged} focusSignal={intakeFocus} /> : <IntakeForm onSaved={onChanged} focusSignal={intakeFocus} />;
    case 'desk':
      return <DeskView onOpen={open('desk')} onCaseSaved={onChanged} />;
    case 'cases':
      return <CaseList onOpen={open('cases')} onLookup={(query) => onView({ tab: 'lookup', query })} />;
    case 'lookup':
      return <CaseLookup key={'query' in view ? view.query : ''} api={api} initialQuery={'query' in view ? view.query : ''} />;
    case 'detail': {
      const from = view.from;
      return (
        <CaseDetail
          key={view.caseId}
          caseId={view.caseId}
          api={api}
          onBack={() => onView({ tab: from })}
          onChanged={onChanged}
          onOpenCase={open(from)}
          onReexamine={(caseId) => onView({ tab: 'reexamine', caseId, from })}
        />
      );
    }
    case 'reexamine': {
      const { caseId, from } = view;
      return <ReexaminationIntake caseId={caseId} onSaved={onChanged} onBack={() => onView({ tab: 'detail', caseId, from })} />;
    }
  }
}
