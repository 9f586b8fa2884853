import { roleValues } from '@/lib/api/schema';
import { formatRole } from '@/lib/format';
import type { Role } from '../api/types';

export const ROLE_OPTIONS = roleValues.map((value) => ({ value, label: formatRole(value) }));

/** What each role may do, in the words of the permission matrix (README, "Roles"). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, including the store’s settings, its members, API keys and webhooks.',
  manager:
    'Runs the store: products and stock (including deleting products), sales, suppliers and purchase orders, invoices and reports. Not the settings or the members.',
  employee:
    'Day-to-day work: sells at the till, adds and edits products, adjusts and counts stock, receives orders. Cannot delete products, manage suppliers or see reports.',
  viewer: 'Looks only: sees the catalogue, stock and reports, and changes nothing.',
};
