-- Escrow keys (docs/decisions/0017-shared-device-escrow.md): one random 32-byte key per device install
-- (the device and the install's own sync client id: several browsers may share the demo device's
-- credential). The device keeps its data key sealed under this key; the server releases the key only
-- in the answer to a successful online sign-in, on that device, of a user entitled to its data.
-- Never logged. Revoking the device deletes its keys, which makes the device's escrow copy useless.
CREATE TABLE device_escrow_keys (
  device_id text NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  escrow_key bytea NOT NULL CHECK (length(escrow_key) = 32),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, client_id)
);
