import { roleValues } from '@/lib/api/schema';
import { formatRole } from '@/lib/format';

export const ROLE_OPTIONS = roleValues.map((value) => ({ value, label: formatRole(value) }));
