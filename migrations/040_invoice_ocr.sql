-- Scanned invoices read by OCR: a photo of an invoice is kept as what it was (png, jpeg), and
-- each line read off a scan keeps how sure OCR was of it, for the review: {"confidence": 0.91,
-- "fields": {"description": 0.93, "quantity": 0.96, "unitCost": 0.91, "total": 0.95}} (0–1,
-- each field's least sure word). Null for lines read from a file with text.
ALTER TABLE invoices DROP CONSTRAINT invoices_file_type_check,
  ADD CONSTRAINT invoices_file_type_check CHECK (file_type IN ('csv', 'xlsx', 'pdf', 'png', 'jpeg'));
ALTER TABLE invoice_lines ADD COLUMN ocr jsonb;
