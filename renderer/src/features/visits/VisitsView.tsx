import type { Role } from '../../../../shared/schemas/auth';
import type { ApiOptions } from '../../sync/api';
import { FieldVisitDay } from './FieldVisitDay';
import { VisitPlanner } from './VisitPlanner';

/** The Visits tab (到府服務): the worker's day for field staff, the planner for supervisors, both for someone with both roles. */
export function VisitsView({ api, roles, onChanged }: { api: ApiOptions; roles: readonly Role[]; onChanged: () => void }) {
  return (
    <>
      {roles.includes('field-staff') && <FieldVisitDay api={api} onChanged={onChanged} />}
      {roles.includes('supervisor') && <VisitPlanner api={api} />}
    </>
  );
}
