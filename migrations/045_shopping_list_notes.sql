-- Issue 22, the seed's shopping lists: an item takes a note (what to ask for, where to buy it),
-- and a list says whether it was generated from criteria (`POST shopping-lists/generate`) or made
-- from items a person picked on the reorder plan (`from-plan`), so lists can be filtered by it.
-- Lists made before: those with criteria were generated (from-plan stores `{}`).
ALTER TABLE shopping_list_items ADD COLUMN IF NOT EXISTS notes text
  CHECK (length(notes) <= 1000);
ALTER TABLE shopping_lists ADD COLUMN IF NOT EXISTS auto_generated boolean NOT NULL DEFAULT false;
UPDATE shopping_lists SET auto_generated = true WHERE criteria <> '{}'::jsonb;
