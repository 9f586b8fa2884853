import { afterEach, describe, expect, it } from 'vitest';
import { reply, startLocalApi, type LocalApi } from '@/test/local-api';
import { apiClient, fillPath } from './api-client';

// The typed client's requests as a real server receives them: the contract's path template
// filled in and encoded, only the filters that are set, a list in the contract's form style,
// and the envelope unwrapped.

let api: LocalApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('apiClient', () => {
  it('fills in and encodes path parameters, and refuses a template with one missing', () => {
    expect(fillPath('/stores/{storeId}/sales/{id}', { storeId: 'a/b', id: 'x y' })).toBe(
      '/stores/a%2Fb/sales/x%20y',
    );
    expect(() => fillPath('/stores/{storeId}/sales/{id}', { storeId: 's' })).toThrow(
      'No value for {id}',
    );
  });

  it('sends only the filters that are set, a list comma-separated, and answers rows with their page', async () => {
    const pagination = {
      page: 2,
      limit: 20,
      total: 21,
      totalPages: 2,
      hasNext: false,
      hasPrev: true,
    };
    api = await startLocalApi({
      'GET /api/v1/stores/s%201/purchase-orders': (_request, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ success: true, data: [{ id: 'po-1' }], pagination }));
      },
    });

    const page = await apiClient.list('/stores/{storeId}/purchase-orders', {
      path: { storeId: 's 1' },
      query: { page: 2, status: ['processing', 'shipped'], supplierId: '', dateFrom: undefined },
    });

    expect(page).toEqual({ items: [{ id: 'po-1' }], pagination });
    expect(api.received[0]).toMatchObject({ query: 'page=2&status=processing,shipped' });
  });

  it('sends a multipart upload from its fields and says whether an answer is now or queued', async () => {
    api = await startLocalApi({
      'POST /api/v1/stores/s1/invoices': (_request, res) => reply(res, 201, { id: 'inv-1' }),
      'GET /api/v1/stores/s1/reports/waste': (_request, res) =>
        reply(res, 202, { jobId: 'job-1', status: 'queued' }),
    });

    const upload = await apiClient.post('/stores/{storeId}/invoices', {
      path: { storeId: 's1' },
      form: { file: new Blob(['sku,qty\n'], { type: 'text/csv' }), supplierId: undefined },
    });
    const answer = await apiClient.answer('get', '/stores/{storeId}/reports/waste', {
      path: { storeId: 's1' },
    });

    expect(upload).toEqual({ id: 'inv-1' });
    const sent = String(api.received[0]?.body);
    expect(sent).toContain('name="file"');
    expect(sent).toContain('sku,qty');
    expect(sent).not.toContain('supplierId');
    expect(answer).toEqual({ status: 202, data: { jobId: 'job-1', status: 'queued' } });
  });
});
