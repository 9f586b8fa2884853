// Type tests of the typed client, checked by `tsc -p web` (npm run typecheck): each
// `@ts-expect-error` fails the build if the client stops refusing what the contract forbids.
import { expectTypeOf } from 'vitest';
import { apiClient } from '../api-client';
import type { Schemas } from './types';

export async function typed(storeId: string, id: string, file: File) {
  // Answers are the contract's data.
  expectTypeOf(
    await apiClient.get('/stores/{storeId}/products/{id}', { path: { storeId, id } }),
  ).toEqualTypeOf<Schemas['Product']>();
  const page = await apiClient.list('/stores/{storeId}/products', {
    path: { storeId },
    query: { page: 1, limit: 10 },
  });
  expectTypeOf(page.items).toEqualTypeOf<Schemas['Product'][]>();
  const report = await apiClient.answer('get', '/stores/{storeId}/reports/consumption', {
    path: { storeId },
  });
  if (report.status === 202) expectTypeOf(report.data.jobId).toEqualTypeOf<string>();
  else expectTypeOf(report.data).toEqualTypeOf<Schemas['ConsumptionReport']>();

  // Options are the operation's: no path parameters, query or body where it has none.
  await apiClient.get('/auth/me');
  await apiClient.post('/stores/{storeId}/forecasts/recalculate', { path: { storeId } });
  await apiClient.post('/stores/{storeId}/invoices', { path: { storeId }, form: { file } });
  await apiClient.post('/stores/{storeId}/sales', {
    path: { storeId },
    body: { items: [{ productId: id, quantity: 1 }] },
    headers: { 'Idempotency-Key': 'key' },
  });

  // @ts-expect-error a path the contract does not have
  await apiClient.get('/stores/{storeId}/nothing', { path: { storeId } });
  // @ts-expect-error a path parameter missing
  await apiClient.get('/stores/{storeId}/products/{id}', { path: { storeId } });
  // @ts-expect-error path parameters missing altogether
  await apiClient.get('/stores/{storeId}/products/{id}');
  // @ts-expect-error a query parameter the operation does not take
  await apiClient.list('/stores/{storeId}/products', { path: { storeId }, query: { pgae: 1 } });
  // @ts-expect-error a body for an operation that takes none
  await apiClient.post('/stores/{storeId}/forecasts/recalculate', { path: { storeId }, body: {} });
  // @ts-expect-error a required body missing
  await apiClient.post('/auth/login', {});
  // @ts-expect-error a list of what is not a list
  await apiClient.list('/stores/{storeId}/products/{id}', { path: { storeId, id } });
  // @ts-expect-error a JSON body for a multipart upload
  await apiClient.post('/stores/{storeId}/invoices', { path: { storeId }, body: { file } });
}
