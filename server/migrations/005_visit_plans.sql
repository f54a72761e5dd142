-- Field visits (到府服務): the visits supervisors plan for field staff, and what became of each.

CREATE TABLE visits (
  -- Made by the supervisor's client, so a retried "plan this visit" plans it once.
  id uuid PRIMARY KEY,
  plan_date date NOT NULL,
  planned_time text NOT NULL CHECK (planned_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  assignee_id bigint NOT NULL REFERENCES users (id),
  service_id text NOT NULL,
  -- kind, idNumber, name, phone: what the intake is prefilled with at the home.
  applicant jsonb NOT NULL,
  -- zip (a Keelung district) and the street line.
  address jsonb NOT NULL,
  note text CHECK (length(note) <= 300),
  planned_by text NOT NULL,
  planned_at timestamptz NOT NULL,
  -- The outcome: written once, by the first report; a replay finds it set and changes nothing.
  outcome text CHECK (outcome IN ('done', 'not-done')),
  outcome_reason text CHECK (length(outcome_reason) <= 300),
  case_id uuid REFERENCES cases (id),
  receipt text CHECK (receipt IN ('printed', 'sms')),
  -- The laptop's clock when the worker recorded it (audit only) and the server's when it arrived.
  reported_at timestamptz,
  recorded_at timestamptz,
  reported_by text,
  CHECK ((outcome IS NULL) = (recorded_at IS NULL)),
  CHECK (outcome IS DISTINCT FROM 'not-done' OR (outcome_reason IS NOT NULL AND case_id IS NULL AND receipt IS NULL))
);
CREATE INDEX visits_plan_idx ON visits (plan_date, assignee_id);
