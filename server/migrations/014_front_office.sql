-- The front office (docs/decisions/0036-front-office-queue.md, 0037-ratings-reach-the-bureau.md):
-- queue tickets, the counters of the day, the calls the hall display shows, the citizens' ratings and
-- the complaints (陳情) opened from them. Nothing here holds a citizen's identity.

-- What a device is: a counter/laptop (cases), a ticket kiosk at the entrance. A kiosk holds no case data;
-- its number (1–9) names its offline ticket series (A2-007).
ALTER TABLE devices ADD COLUMN kind text NOT NULL DEFAULT 'workstation' CHECK (kind IN ('workstation', 'kiosk'));
ALTER TABLE devices ADD COLUMN kiosk_no smallint CHECK (kiosk_no BETWEEN 1 AND 9);
ALTER TABLE devices ADD CONSTRAINT devices_kind_kiosk_no_check CHECK ((kind = 'kiosk') = (kiosk_no IS NOT NULL));
CREATE UNIQUE INDEX devices_kiosk_no_idx ON devices (kiosk_no) WHERE revoked_at IS NULL;
ALTER TABLE enrolment_codes ADD COLUMN kind text NOT NULL DEFAULT 'workstation' CHECK (kind IN ('workstation', 'kiosk'));

-- The next online number of each group on each office day: one row updated per issue, so a restart
-- (or a second process) continues the series and never issues a number twice.
CREATE TABLE queue_number_series (
  office_day date NOT NULL,
  queue_group text NOT NULL CHECK (queue_group ~ '^[A-Z]$'),
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (office_day, queue_group)
);

CREATE TABLE queue_tickets (
  id uuid PRIMARY KEY,
  verifier text NOT NULL CHECK (verifier ~ '^[A-Za-z0-9_-]{16,64}$'),
  office_day date NOT NULL,
  number text NOT NULL,
  queue_group text NOT NULL CHECK (queue_group ~ '^[A-Z]$'),
  priority text CHECK (priority IN ('senior', 'disability', 'pregnancy', 'infant')),
  source text NOT NULL CHECK (source IN ('kiosk', 'counter', 'lane')),
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'no-show')),
  -- Who issued it: the kiosk's device id, or the counter's station and user.
  issued_by_device text NOT NULL,
  issued_by_user text,
  -- Printed offline by a kiosk and sent once the server answered again.
  issued_offline boolean NOT NULL DEFAULT false,
  issued_at timestamptz NOT NULL,
  -- Order in the queue: issued_at, except that a transfer keeps the ticket's place.
  queued_at timestamptz NOT NULL,
  -- A transfer to one counter: only that station calls it (before its groups' tickets).
  for_station text,
  called_at timestamptz,
  called_station text,
  called_label text,
  called_by text,
  recalls integer NOT NULL DEFAULT 0 CHECK (recalls >= 0),
  finished_at timestamptz,
  transfers integer NOT NULL DEFAULT 0 CHECK (transfers >= 0),
  plate text CHECK (length(plate) <= 14),
  case_id uuid,
  UNIQUE (office_day, number)
);
-- call-next: the oldest waiting ticket of a group, priority first.
CREATE INDEX queue_tickets_waiting_idx ON queue_tickets (office_day, queue_group, (priority IS NULL), queued_at) WHERE status = 'waiting';
CREATE INDEX queue_tickets_station_idx ON queue_tickets (office_day, called_station) WHERE status = 'called';
CREATE INDEX queue_tickets_day_idx ON queue_tickets (office_day);
CREATE INDEX queue_tickets_case_idx ON queue_tickets (case_id) WHERE case_id IS NOT NULL;

-- Each counter's label and groups for a day, set by a supervisor.
CREATE TABLE queue_counter_days (
  office_day date NOT NULL,
  station_code text NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 20),
  groups text[] NOT NULL CHECK (cardinality(groups) BETWEEN 1 AND 5),
  set_by text NOT NULL,
  set_at timestamptz NOT NULL,
  PRIMARY KEY (office_day, station_code)
);

-- Every call and recall, in order: the hall display's feed (SSE), read by id from any process.
CREATE TABLE queue_calls (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES queue_tickets (id),
  office_day date NOT NULL,
  number text NOT NULL,
  queue_group text NOT NULL,
  counter_label text NOT NULL,
  station_code text NOT NULL,
  recall boolean NOT NULL,
  priority boolean NOT NULL,
  called_at timestamptz NOT NULL
);
CREATE INDEX queue_calls_day_idx ON queue_calls (office_day, id);

-- A case taken in from a ticket keeps the ticket (shared/schemas/ticketQueue.ts caseTicketSchema).
ALTER TABLE cases ADD COLUMN ticket jsonb;

-- The citizens' ratings. The service, station and clerk are copied from the case when the rating
-- arrives, so a report never needs the case's applicant.
CREATE TABLE visit_ratings (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  source text NOT NULL CHECK (source IN ('counter', 'survey')),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  speed smallint CHECK (speed BETWEEN 1 AND 5),
  courtesy smallint CHECK (courtesy BETWEEN 1 AND 5),
  comment text CHECK (length(comment) <= 500),
  rated_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  service_id text NOT NULL,
  station_code text NOT NULL,
  clerk text NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text
);
-- One survey answer per case.
CREATE UNIQUE INDEX visit_ratings_survey_idx ON visit_ratings (case_id) WHERE source = 'survey';
CREATE INDEX visit_ratings_rated_idx ON visit_ratings (rated_at);
CREATE INDEX visit_ratings_low_idx ON visit_ratings (rated_at) WHERE score <= 2;

CREATE TABLE petitions (
  id uuid PRIMARY KEY,
  rating_id uuid NOT NULL UNIQUE REFERENCES visit_ratings (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL,
  resolution text CHECK (length(resolution) <= 1000),
  closed_by text,
  closed_at timestamptz
);
CREATE INDEX petitions_open_idx ON petitions (opened_at) WHERE status = 'open';
