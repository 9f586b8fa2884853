import type { Role } from '../core/access';
import type { StoreMember } from './factories';

/**
 * The admin's store as an integrator sees it: a new API key of `role`, made through the API,
 * with the member's requests sent under the key (`Authorization: Bearer nmb_…`).
 */
export async function withApiKey(admin: StoreMember, role: Role): Promise<StoreMember> {
  const res = await admin.api
    .post(`${admin.url}/api-keys`)
    .set(admin.auth)
    .send({ name: `${role} integration`, role })
    .expect(201);
  return { ...admin, auth: { Authorization: `Bearer ${res.body.data.token}` } };
}
