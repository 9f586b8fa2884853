/*
 * What a product import may be. How a file is read, and what any spreadsheet may hold, are
 * the files layer's (files/limits.ts: rows, columns, cells, zip and XML, the read worker).
 */

/** The upload itself (multer refuses more with 413). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/*
 * Inline or job: decided from sizes alone, so the request never parses a large file. At
 * ~3 ms a row in the database, 2,000 rows answer within seconds; anything larger is a job.
 */
export const INLINE_MAX_BYTES = 256 * 1024;
export const INLINE_MAX_LINES = 2_000;
/** An XLSX's sheets and shared strings together, uncompressed (~1,500 export rows). */
export const INLINE_MAX_XML_BYTES = 1024 * 1024;
