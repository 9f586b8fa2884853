-- The event layer (issue 19). An outbox row's id is taken when it is inserted, not when its
-- transaction commits: a change holding id 5 can commit after id 6 was read, so a reader that
-- resumes "after id 6" would skip it for good. Each store's events get a position instead,
-- from a per-store counter row updated in the writing transaction, in the same statement that
-- inserts them: the row lock holds a second writer of the store until the first commits (or
-- rolls back, which rolls the counter back too). Positions are therefore gap-free and in
-- commit order within a store, and "after position P" never misses a row. The feed's cursors
-- and the WebSocket's event ids are positions.
CREATE TABLE outbox_positions (
  store_id uuid PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
  -- The newest position given out (committed).
  last_position bigint NOT NULL,
  -- Events up to here have been deleted after their retention: a reader resuming from
  -- before it has missed some and must start over (the WebSocket's "resync").
  pruned_through bigint NOT NULL DEFAULT 0
);

ALTER TABLE outbox_events ADD COLUMN position bigint;

-- Rows written before: their position is their id, so a feed cursor handed out before this
-- migration (which holds an id) still means the same place. Each store's counter starts after
-- the largest id of all, so positions given out from now on follow every old one. Old rows
-- count as published: nobody was subscribed to them.
UPDATE outbox_events SET position = id, published_at = coalesce(published_at, created_at);
INSERT INTO outbox_positions (store_id, last_position)
SELECT DISTINCT store_id, (SELECT max(id) FROM outbox_events) FROM outbox_events;

ALTER TABLE outbox_events ALTER COLUMN position SET NOT NULL;
DROP INDEX outbox_events_store_idx;
CREATE UNIQUE INDEX outbox_events_store_position_idx ON outbox_events (store_id, position);
-- Retention deletes published rows by age.
CREATE INDEX outbox_events_published_idx ON outbox_events (published_at) WHERE published_at IS NOT NULL;
