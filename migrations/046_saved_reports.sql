-- Issue 22, the seed's custom reports: a report (any of the store's reports with its
-- parameters, a custom report's whole request included) saved under a name, to be run again
-- later. Owned by the reports module; names are unique per store whatever the letter case.
CREATE TABLE IF NOT EXISTS saved_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  report text NOT NULL
    CHECK (report IN ('consumption', 'waste', 'vendor-performance', 'valuation', 'custom')),
  params jsonb NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS saved_reports_store_name_key
  ON saved_reports (store_id, lower(name));
