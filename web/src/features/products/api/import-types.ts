export interface ImportOptions {
  validateOnly: boolean;
  skipDuplicates: boolean;
  updateExisting: boolean;
  /** With updateExisting: set existing products' stock to the file's quantity. */
  updateStock: boolean;
}

export interface ImportSummary {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface ImportRowError {
  row: number;
  field: string | null;
  message: string;
}

export interface ImportReport {
  summary: ImportSummary;
  errors: ImportRowError[];
}

/** Small files are imported in the request (200); large ones become a background job (202). */
export type ImportAnswer =
  { kind: 'done'; report: ImportReport } | { kind: 'queued'; jobId: string };

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job<Result = unknown> {
  id: string;
  type: string;
  status: JobStatus;
  progress: number;
  result: Result | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}
