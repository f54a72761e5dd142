-- Accounts, devices and the audit trail: device credentials and one-time enrolment codes, failed
-- sign-ins for lock-out and rate limits, and the append-only, hash-chained audit log.

-- SHA-256 (hex) of the device secret; NULL for a device enrolled before credentials existed, which
-- must be enrolled again (or, for the demo device, is given its demo secret by the seed).
ALTER TABLE devices ADD COLUMN secret_hash text CHECK (secret_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE devices ADD COLUMN revoked_reason text;
ALTER TABLE devices ADD COLUMN revoked_by text;

CREATE TABLE enrolment_codes (
  -- SHA-256 (hex) of the normalised code: the code itself is shown once to the admin who made it.
  code_hash text PRIMARY KEY CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  station_code text NOT NULL CHECK (station_code ~ '^[A-Z0-9]{2,6}$'),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id text REFERENCES devices (id)
);

-- One row per failed sign-in, kept for the lock-out window. Keyed by the username as typed (lower
-- case), whether or not such a user exists, so that a lock-out never tells which usernames exist.
CREATE TABLE sign_in_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_username_idx ON sign_in_failures (username, at);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, at);
CREATE INDEX sign_in_failures_at_idx ON sign_in_failures (at);

-- The audit trail. Each entry's hash covers the previous entry's hash and the entry's canonical
-- JSON (server/src/audit/auditChain.ts), so altering or removing any entry breaks the chain.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  -- The entry's own id: a device's entries keep the id they were made with, so a re-push is a no-op.
  entry_id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  -- Where the entry was made: 'server' or 'device' (pushed from a device's local log).
  source text NOT NULL CHECK (source IN ('server', 'device')),
  user_name text,
  device_id text,
  action text NOT NULL,
  purpose text,
  case_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_case_id_idx ON audit_log (case_id);

-- The chain's head: the last seq and hash. Appends lock this row, which both serialises them and
-- lets verification notice entries removed from the end of the log.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq bigint NOT NULL CHECK (seq >= 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO audit_head (singleton, seq, hash) VALUES (true, 0, repeat('0', 64));

-- Append-only: PGlite has a single role, so REVOKE cannot express this; a trigger can.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The head only moves forward, one entry at a time.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq <> OLD.seq + 1 THEN
    RAISE EXCEPTION 'audit_head only moves forward by one entry';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();

-- Published versions of reference data (the service catalogue, the office calendar): the newest
-- version of each kind is the current one.
CREATE TABLE reference_versions (
  kind text NOT NULL CHECK (kind IN ('catalogue', 'calendar')),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
  body jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  published_by text NOT NULL,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (kind, version)
);
