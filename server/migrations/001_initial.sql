-- CounterDesk central server: people, devices, sessions, the sync ledger and cases.

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Stored lower-case so sign-in is case-insensitive without a citext extension.
  username text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 64),
  display_name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  -- PHC string of argon2id; never the password.
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  name text NOT NULL,
  -- Printed into every case number made on this device.
  station_code text NOT NULL CHECK (station_code ~ '^[A-Z0-9]{2,8}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the bearer token: a copy of this table does not let anyone sign in.
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id text NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- One row per installation (clientId); the lock on this row serialises a client's pushes.
CREATE TABLE sync_clients (
  client_id uuid PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  last_mutation_id bigint NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- What became of every consumed mutation; duplicates are answered from last_mutation_id, not here.
CREATE TABLE mutations (
  client_id uuid NOT NULL REFERENCES sync_clients (client_id),
  mutation_id bigint NOT NULL CHECK (mutation_id > 0),
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  code text,
  message text,
  user_id bigint REFERENCES users (id),
  -- The device's clock: for audit only, never for rules.
  created_at timestamptz,
  applied_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, mutation_id),
  CHECK ((status = 'rejected') = (code IS NOT NULL))
);

-- The change sequence pull reads by. A single row rather than a SEQUENCE: a writer takes the next
-- numbers by updating this row as the last step of its transaction, so the row lock hands numbers
-- out in commit order (see server/src/store/changeSequence.ts for why that matters).
CREATE TABLE change_sequence (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_value bigint NOT NULL CHECK (last_value >= 0)
);
INSERT INTO change_sequence (singleton, last_value) VALUES (true, 0);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  case_no text NOT NULL UNIQUE,
  -- The receipt's QR secret: compared in constant time, never shown on the public page.
  verifier text NOT NULL,
  service_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('counter', 'drive-through', 'field-visit')),
  applicant jsonb NOT NULL,
  checklist jsonb NOT NULL,
  status text NOT NULL,
  received_on date NOT NULL,
  received_at timestamptz NOT NULL,
  due_date date NOT NULL,
  station_code text NOT NULL,
  created_by text NOT NULL,
  -- NULL only inside the transaction that writes the row; stamped from change_sequence before commit.
  server_seq bigint UNIQUE,
  synced_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
