-- When each device last made an authenticated request, for the administrator's device list. Written
-- at most once a minute per device (server/src/auth/deviceLastSeen.ts), never on every request.
ALTER TABLE devices ADD COLUMN last_seen_at timestamptz;
