-- Case numbers unique across every device of a station (decision 0016): the server hands each install
-- (sync client) blocks of a station's sequence numbers per ROC year; the install numbers cases from
-- them offline, in order.

-- The highest sequence reserved per station and year. Its row is locked while a block is cut, so two
-- installs reserving at once get blocks one after the other, never overlapping ones.
CREATE TABLE case_number_counters (
  station_code text NOT NULL CHECK (station_code ~ '^[A-Z0-9]{2,8}$'),
  roc_year integer NOT NULL CHECK (roc_year BETWEEN 1 AND 999),
  last_reserved integer NOT NULL CHECK (last_reserved BETWEEN 0 AND 999999),
  PRIMARY KEY (station_code, roc_year)
);

CREATE TABLE case_number_blocks (
  station_code text NOT NULL CHECK (station_code ~ '^[A-Z0-9]{2,8}$'),
  roc_year integer NOT NULL CHECK (roc_year BETWEEN 1 AND 999),
  first_sequence integer NOT NULL,
  last_sequence integer NOT NULL,
  device_id text NOT NULL REFERENCES devices (id),
  -- The install the block belongs to: several installs may share one device credential (the demo).
  client_id uuid NOT NULL,
  reserved_at timestamptz NOT NULL,
  PRIMARY KEY (station_code, roc_year, first_sequence),
  CHECK (first_sequence >= 1 AND first_sequence <= last_sequence AND last_sequence <= 999999)
);
CREATE INDEX case_number_blocks_client_idx ON case_number_blocks (client_id, roc_year);
