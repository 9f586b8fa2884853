import type { AxiosResponse } from 'axios';
import { api, apiClient } from '@/lib/api-client';
import { storePath } from '@/lib/query-keys';
import { reportsPath, type ReportName, type ReportParams } from './report-keys';

/** What the server answers (202) for a period too long to report in one request. */
interface Queued {
  jobId: string;
}

const POLL_MS = 1000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const present = (params: ReportParams) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));

/** Waits for a report job to succeed (a failed one throws its error). */
async function finished(storeId: string, jobId: string): Promise<string> {
  for (;;) {
    const job = await apiClient.get<{ status: string; error: string | null }>(
      storePath(storeId, `jobs/${encodeURIComponent(jobId)}`),
    );
    if (job.status === 'succeeded') return jobId;
    if (job.status === 'failed') throw new Error(job.error ?? 'The report could not be made');
    await wait(POLL_MS);
  }
}

const downloadPath = (storeId: string, jobId: string) =>
  reportsPath(storeId, `jobs/${encodeURIComponent(jobId)}/download`);

/**
 * A report's JSON. A period longer than a year is made by a job on the server (202): the
 * report is then waited for and downloaded, so the screen shows it either way.
 */
export async function getReport<T>(
  storeId: string,
  report: ReportName,
  params: ReportParams,
): Promise<T> {
  const res = await api.get<{ data: T | Queued }>(reportsPath(storeId, report), {
    params: present(params),
  });
  if (res.status !== 202) return res.data.data as T;
  const jobId = await finished(storeId, (res.data.data as Queued).jobId);
  return apiClient.get<T>(downloadPath(storeId, jobId));
}

/** The same for a CSV download: the file of the job, when the period needed one. */
export async function followCsv(
  storeId: string,
  res: AxiosResponse<Blob>,
): Promise<AxiosResponse<Blob>> {
  if (res.status !== 202) return res;
  const { data } = JSON.parse(await res.data.text()) as { data: Queued };
  const jobId = await finished(storeId, data.jobId);
  return api.get<Blob>(downloadPath(storeId, jobId), {
    params: { format: 'csv' },
    responseType: 'blob',
  });
}
