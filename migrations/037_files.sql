-- Issue 20, files: what a store uploaded and keeps (an invoice's original, a product's image).
-- The bytes live in the file storage (DATA_DIR or S3) under `storage_key`; a row says what
-- the file is, whom it belongs to (`purpose` and `subject_id`: the invoice or the product)
-- and which variants were stored beside it (a product image's `thumb`). A removed file keeps
-- its row with `deleted_at` until the hourly cleanup deletes its bytes and the row after the
-- retention period (FILE_RETENTION_DAYS).
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('invoice', 'product_image')),
  subject_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  storage_key text NOT NULL UNIQUE,
  variants text[] NOT NULL DEFAULT '{}',
  width integer,
  height integer,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  deleted_at timestamptz
);
CREATE INDEX files_subject_idx ON files (store_id, purpose, subject_id) WHERE deleted_at IS NULL;
-- One image per product: replacing it removes the old one in the same transaction.
CREATE UNIQUE INDEX files_one_product_image_idx ON files (store_id, subject_id)
  WHERE purpose = 'product_image' AND deleted_at IS NULL;
CREATE INDEX files_deleted_idx ON files (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX files_created_by_idx ON files (created_by);
