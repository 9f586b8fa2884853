import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';
import { filenameFrom, readErrorBlob, saveBlob } from '@/lib/download';

export type LabelsRequest = RequestBody<'createLabels'>;

/** The labels PDF, downloaded as `labels-<date>.pdf` (the bearer token goes with it). */
export async function printLabels(storeId: string, body: LabelsRequest): Promise<void> {
  const res = await apiClient
    .file('post', '/stores/{storeId}/labels', { path: { storeId }, body })
    .catch(readErrorBlob);
  const disposition = res.headers['content-disposition'] as string | undefined;
  saveBlob(res.data, filenameFrom(disposition) ?? 'labels.pdf');
}

export function usePrintLabels(storeId: string) {
  return useMutation({ mutationFn: (body: LabelsRequest) => printLabels(storeId, body) });
}
