-- Scope by work (docs/decisions/0030-scope-by-work.md): which cases a device holds, read in SQL.

-- Pull reads each part of a scope as one index range in change order, so a page costs the same
-- whether the city holds a thousand cases or a million.
CREATE INDEX cases_station_seq_idx ON cases (station_code, server_seq);
CREATE INDEX cases_creator_seq_idx ON cases (created_by, server_seq);
CREATE INDEX cases_assignee_seq_idx ON cases (assignee, server_seq) WHERE assignee IS NOT NULL;
CREATE INDEX cases_unit_seq_idx ON cases (unit, server_seq);
-- The online lookup (查詢) by the applicant's ID number.
CREATE INDEX cases_applicant_id_idx ON cases ((applicant ->> 'idNumber'));

-- Who held a case before it moved: 'unit:<code>' (its chief), 'pool:<code>' (the unit's officers while
-- it waited unassigned), 'user:<username>' (its officer). A device that held the case through one of
-- these is sent a tombstone when the case changes while outside its scope, so it forgets the case.
-- Written by a trigger, so no writer can move a case without leaving the trace.
CREATE TABLE case_scope_exits (
  holder text NOT NULL CHECK (length(holder) BETWEEN 6 AND 80),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  PRIMARY KEY (holder, case_id)
);

CREATE FUNCTION cases_record_scope_exit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.unit IS NOT NULL AND OLD.unit IS DISTINCT FROM NEW.unit THEN
    INSERT INTO case_scope_exits (holder, case_id) VALUES ('unit:' || OLD.unit, OLD.id) ON CONFLICT DO NOTHING;
  END IF;
  IF OLD.unit IS NOT NULL AND OLD.assignee IS NULL AND (NEW.assignee IS NOT NULL OR OLD.unit IS DISTINCT FROM NEW.unit) THEN
    INSERT INTO case_scope_exits (holder, case_id) VALUES ('pool:' || OLD.unit, OLD.id) ON CONFLICT DO NOTHING;
  END IF;
  IF OLD.assignee IS NOT NULL AND OLD.assignee IS DISTINCT FROM NEW.assignee THEN
    INSERT INTO case_scope_exits (holder, case_id) VALUES ('user:' || OLD.assignee, OLD.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER cases_scope_exit AFTER UPDATE OF desk ON cases
  FOR EACH ROW WHEN (OLD.unit IS DISTINCT FROM NEW.unit OR OLD.assignee IS DISTINCT FROM NEW.assignee)
  EXECUTE FUNCTION cases_record_scope_exit();

-- The scope each install (or, for a client that does not name itself, each device) last pulled in. A
-- pull in another scope (another person signed in, a position given or taken) starts again from 0.
CREATE TABLE pull_scopes (
  reader text PRIMARY KEY CHECK (length(reader) BETWEEN 1 AND 140),
  device_id text NOT NULL,
  scope_key text NOT NULL CHECK (scope_key ~ '^[0-9a-f]{64}$'),
  updated_at timestamptz NOT NULL
);
