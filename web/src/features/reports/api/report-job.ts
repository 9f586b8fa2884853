import type { AxiosResponse } from 'axios';
import { apiClient } from '@/lib/api-client';
import type { AnswerData, Operation } from '@/lib/api/operations';

const REPORTS_DOWNLOAD = '/stores/{storeId}/reports/jobs/{jobId}/download';
/** Every report a job can make: the download answers whichever its job made. */
type JobReport = AnswerData<Operation<'get', typeof REPORTS_DOWNLOAD>, 200>;
/** What the server answers (202) for a period too long to report in one request. */
type Queued = AnswerData<Operation<'get', '/stores/{storeId}/reports/consumption'>, 202>;

const POLL_MS = 1000;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a report job to succeed (a failed one throws its error). */
async function finished(storeId: string, jobId: string): Promise<string> {
  for (;;) {
    const job = await apiClient.get('/stores/{storeId}/jobs/{id}', {
      path: { storeId, id: jobId },
    });
    if (job.status === 'succeeded') return jobId;
    if (job.status === 'failed') throw new Error(job.error ?? 'The report could not be made');
    await wait(POLL_MS);
  }
}

/**
 * A report's JSON from its answer. A period longer than a year is made by a job on the server
 * (202): the report is then waited for and downloaded, so the screen shows it either way.
 */
export async function reportOf<Report extends JobReport>(
  storeId: string,
  answer: { status: 200; data: Report } | { status: 202; data: Queued },
): Promise<Report> {
  if (answer.status === 200) return answer.data;
  const jobId = await finished(storeId, answer.data.jobId);
  const made = await apiClient.get(REPORTS_DOWNLOAD, { path: { storeId, jobId } });
  // The contract's download answers any report; a job's is the one its request asked for.
  return made as Report;
}

/** The same for a CSV download: the file of the job, when the period needed one. */
export async function followCsv(
  storeId: string,
  res: AxiosResponse<Blob>,
): Promise<AxiosResponse<Blob>> {
  if (res.status !== 202) return res;
  const { data } = JSON.parse(await res.data.text()) as { data: Queued };
  const jobId = await finished(storeId, data.jobId);
  return apiClient.file('get', REPORTS_DOWNLOAD, {
    path: { storeId, jobId },
    query: { format: 'csv' },
  });
}
