-- Request limits counted in the database (authz/rateLimit.ts), so every server process behind one
-- address draws on one budget. One row per limited key (route and client address) and fixed window;
-- a request adds one with an upsert. Rows outlive their window only until the cleanup job runs.
-- UNLOGGED: a count lost with a crash only gives a client a fresh window, and nothing is written to
-- the WAL for every public lookup.
CREATE UNLOGGED TABLE rate_limit_windows (
  key text NOT NULL CHECK (length(key) <= 300),
  window_start timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits > 0),
  PRIMARY KEY (key, window_start)
);

CREATE INDEX rate_limit_windows_expires_idx ON rate_limit_windows (expires_at);
