-- The audit chain becomes keyed (docs/decisions/0031-audit-trail-keyed-and-anchored.md): every entry
-- from `keyed_from` on is hashed with HMAC-SHA-256 under a key the database does not hold; the entries
-- already written keep their plain SHA-256 hashes. The boundary is fixed here, once, at the head as
-- this migration finds it, and never moves: anchors written outside the database repeat it, so moving
-- it to pass keyed entries off as legacy ones is noticed.
ALTER TABLE audit_head ADD COLUMN keyed_from bigint;
ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward;
UPDATE audit_head SET keyed_from = seq + 1;
ALTER TABLE audit_head ENABLE TRIGGER audit_head_forward;
ALTER TABLE audit_head ALTER COLUMN keyed_from SET NOT NULL;
ALTER TABLE audit_head ADD CONSTRAINT audit_head_keyed_from_check CHECK (keyed_from >= 1);

-- The head still moves forward one entry at a time, and now the boundary cannot move at all.
CREATE OR REPLACE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq <> OLD.seq + 1 OR NEW.keyed_from <> OLD.keyed_from THEN
    RAISE EXCEPTION 'audit_head only moves forward by one entry';
  END IF;
  RETURN NEW;
END;
$$;
