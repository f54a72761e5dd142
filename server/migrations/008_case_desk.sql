-- The case desk (docs/decisions/0027-case-desk.md): handling units and their people, and what happens
-- to a case after intake.

-- Reference data the administrator maintains; the catalogue names the unit of each service.
CREATE TABLE units (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,15}$'),
  name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 60),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 120)
);
INSERT INTO units (code, name_zh, name_en) VALUES
  ('PROPERTY', '財產稅科', 'Property Tax Section'),
  ('CONSUMPTION', '消費稅科', 'Consumption Tax Section'),
  ('SERVICE', '服務科', 'Taxpayer Service Section'),
  ('LEGAL', '法務科', 'Legal Affairs Section'),
  ('BRANCH1', '第一分局', 'First Branch Office');

-- Who works where, as what: officer (承辦人), chief (科長) or director (局長, bureau-wide).
CREATE TABLE unit_members (
  unit_code text NOT NULL REFERENCES units (code) ON DELETE CASCADE,
  username text NOT NULL REFERENCES users (username) ON DELETE CASCADE,
  position text NOT NULL CHECK (position IN ('officer', 'chief', 'director')),
  PRIMARY KEY (unit_code, username, position)
);
CREATE INDEX unit_members_user_idx ON unit_members (username);

-- The desk: unit, officer, proposal, decision, hand-over, notes (shared/schemas/caseDesk.ts). The
-- columns the desk and the reports filter by are derived from it, so they cannot disagree.
ALTER TABLE cases ADD COLUMN desk jsonb;
ALTER TABLE cases ADD COLUMN unit text GENERATED ALWAYS AS (desk ->> 'unit') STORED;
ALTER TABLE cases ADD COLUMN assignee text GENERATED ALWAYS AS (desk ->> 'assignee') STORED;
ALTER TABLE cases ADD COLUMN closed_on text GENERATED ALWAYS AS (desk ->> 'closedOn') STORED;
-- What the intake carries besides the applicant: referrer, the re-examined case, the reference versions.
ALTER TABLE cases ADD COLUMN intake_extra jsonb;
CREATE INDEX cases_unit_status_idx ON cases (unit, status);
CREATE INDEX cases_assignee_idx ON cases (assignee) WHERE assignee IS NOT NULL;

ALTER TABLE cases DROP CONSTRAINT cases_channel_check;
ALTER TABLE cases ADD CONSTRAINT cases_channel_check CHECK (channel IN ('counter', 'drive-through', 'field-visit', 'phone', 'referral', 'bureau'));

-- Cases taken before the desk existed are routed to the service section; nothing else is guessed.
UPDATE cases SET desk = '{"unit":"SERVICE","notes":[]}'::jsonb WHERE desk IS NULL;

-- The history names the desk step that made each change ('take', 'propose', …).
ALTER TABLE case_events ADD COLUMN step text CHECK (length(step) <= 40);
ALTER TABLE case_events DROP CONSTRAINT case_events_kind_check;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_check CHECK (kind IN ('received', 'transition', 'extension', 'desk'));
