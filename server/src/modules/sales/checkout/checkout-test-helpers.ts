import type { StoreMember } from '../../../test/factories';

/** A tax rate made through the API (201), with the categories and products given. */
export async function taxRate(s: StoreMember, body: object) {
  return (await s.api.post(`${s.url}/tax-rates`).set(s.auth).send(body).expect(201)).body.data;
}

/** Changes the store's checkout settings through the API (200). */
export async function settle(s: StoreMember, body: object) {
  return (await s.api.patch(`${s.url}/checkout-settings`).set(s.auth).send(body).expect(200)).body
    .data;
}
