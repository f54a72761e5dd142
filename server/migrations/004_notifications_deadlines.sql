-- Notifications, the case history, and what the deadline watcher has flagged.

-- The case's history: one row per status the case entered (the intake, every applied transition) and
-- per extension. `seq` counts per case from 1; `at` is the server's clock when the change was applied.
CREATE TABLE case_events (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq > 0),
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('received', 'transition', 'extension')),
  -- NULL for the intake: the case did not exist before.
  status_from text,
  status_to text NOT NULL,
  actor text NOT NULL,
  reason text CHECK (length(reason) <= 500),
  -- For an extension: the working (or calendar) days granted.
  extension_days integer CHECK (extension_days BETWEEN 1 AND 730),
  PRIMARY KEY (case_id, seq),
  CHECK ((kind = 'received') = (status_from IS NULL)),
  CHECK ((kind = 'extension') = (extension_days IS NOT NULL))
);
CREATE INDEX case_events_at_idx ON case_events (at);
CREATE INDEX case_events_status_to_idx ON case_events (status_to, at);
-- §51: one extension per case, enforced where two supervisors could race.
CREATE UNIQUE INDEX case_events_one_extension_idx ON case_events (case_id) WHERE kind = 'extension';

-- The SMS outbox. One row per (case, kind, event key): enqueueing the same event twice is a no-op, and
-- the idempotency key sent to the gateway never changes across retries, so a message the gateway
-- accepted before a timeout is not delivered twice.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('received', 'deficiency', 'extension', 'approved', 'rejected', 'closed', 'at-risk')),
  event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 100),
  idempotency_key uuid NOT NULL UNIQUE,
  -- National mobile digits (09xxxxxxxx); NULL when the message was skipped.
  recipient text,
  locale text NOT NULL CHECK (locale IN ('zh-TW', 'zh-TW+en')),
  body text NOT NULL,
  segments integer NOT NULL CHECK (segments >= 1),
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  skip_reason text CHECK (skip_reason IN ('no-mobile')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  -- While `sending`: the claim's lease. A sender that died mid-send leaves a lapsed lease to reclaim.
  claimed_until timestamptz,
  last_error text,
  gateway_message_id text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (case_id, kind, event_key),
  CHECK ((status = 'skipped') = (skip_reason IS NOT NULL)),
  CHECK (status = 'skipped' OR recipient IS NOT NULL)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX notifications_case_idx ON notifications (case_id);
