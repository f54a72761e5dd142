-- The supervisors' catalogue draft (docs/decisions/0041-catalogue-editing.md): one draft at a time, the
-- whole catalogue as it will be published, with who saved it last and when. Publishing copies it into
-- reference_versions and removes it; the single-row key keeps two drafts from existing at all.
CREATE TABLE catalogue_draft (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  body jsonb NOT NULL,
  based_on text NOT NULL CHECK (length(based_on) BETWEEN 1 AND 64),
  edited_by text NOT NULL,
  edited_at timestamptz NOT NULL
);
