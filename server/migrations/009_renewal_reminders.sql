-- Renewal reminders (主動服務): before an approved exemption or relief runs out
-- (desk.decision.facts.expiresOn), the citizen is sent one SMS per case and expiry.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('received', 'deficiency', 'extension', 'approved', 'rejected', 'closed', 'at-risk', 'renewal'));

-- The nightly job and the supervisor's list look for approved decisions by the day they expire.
CREATE INDEX cases_decision_expires_idx ON cases ((desk #>> '{decision,facts,expiresOn}'))
  WHERE desk #>> '{decision,outcome}' = 'approve' AND desk #>> '{decision,facts,expiresOn}' IS NOT NULL;
