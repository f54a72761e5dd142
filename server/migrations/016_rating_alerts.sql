-- The supervisor's low-rating alerts (docs/decisions/0037-ratings-reach-the-bureau.md): a day's list
-- holds the low ratings given OR received that day (a counter offline, or its clock wrong, sends one
-- late) and every earlier one nobody has acknowledged yet. Each of the three is an index range, so the
-- list costs the day's alerts, not the table. 2 is LOW_RATING_MAX (shared/schemas/visitRating.ts).
CREATE INDEX visit_ratings_low_received_idx ON visit_ratings (received_at) WHERE score <= 2;
CREATE INDEX visit_ratings_low_open_idx ON visit_ratings (rated_at) WHERE score <= 2 AND acknowledged_at IS NULL;
-- The complaints list: every open one, then the recently closed.
CREATE INDEX petitions_closed_idx ON petitions (closed_at) WHERE status = 'closed';
