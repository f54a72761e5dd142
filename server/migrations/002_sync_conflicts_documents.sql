-- Sync made production grade: what the server owns on a case (clock pauses, the review flag raised by
-- conflicting edits, the add-only set of attached documents), tombstones, and the confirmed blobs.
-- IF NOT EXISTS: another migration may add the same intake columns; whichever runs first wins.

ALTER TABLE cases ADD COLUMN IF NOT EXISTS clock_pauses jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE cases ADD COLUMN IF NOT EXISTS deficiency jsonb;
-- { "needsReview": true, "conflicts": [{ field, base, serverValue, clientValue, by, at }] }; NULL when clean.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS review jsonb;
-- The add-only set of documents, keyed by document id: [{ id, sha256, kind, mime, size, attachedAt }].
ALTER TABLE cases ADD COLUMN IF NOT EXISTS documents jsonb NOT NULL DEFAULT '[]'::jsonb;
-- A deleted case keeps its row as a tombstone, so pull can tell devices to drop it.
ALTER TABLE cases ADD COLUMN IF NOT EXISTS deleted_at timestamptz;

-- One row per verified blob: written after the bytes are in the blob store under their SHA-256.
CREATE TABLE document_blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  uploaded_by text REFERENCES devices (id),
  created_at timestamptz NOT NULL
);
