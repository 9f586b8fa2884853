export const ROLES = ['admin', 'manager', 'employee', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'inventory:read',
  'inventory:write',
  'inventory:delete',
  'inventory:bulk_update',
  'inventory:transfer',
  'sales:refund',
  'vendor:manage',
  'invoice:process',
  'reports:view',
  'settings:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each permission lets a person do, for messages people read. */
export const PERMISSION_ACTIONS: Record<Permission, string> = {
  'inventory:read': 'see the inventory',
  'inventory:write': 'change products and stock',
  'inventory:delete': 'delete products',
  'inventory:bulk_update': 'update existing products or their stock by import',
  'inventory:transfer': 'transfer stock to another store',
  'sales:refund': 'void and refund sales',
  'vendor:manage': 'manage suppliers',
  'invoice:process': 'process invoices',
  'reports:view': 'view reports',
  'settings:manage': 'manage the store settings and members',
};

/** The permission matrix of PRODUCT.md §4: the only place roles are interpreted. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = Object.freeze({
  admin: PERMISSIONS,
  manager: [
    'inventory:read',
    'inventory:write',
    'inventory:delete',
    'inventory:bulk_update',
    'inventory:transfer',
    'sales:refund',
    'vendor:manage',
    'invoice:process',
    'reports:view',
  ],
  employee: ['inventory:read', 'inventory:write'],
  viewer: ['inventory:read', 'reports:view'],
});

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The role with its article, for messages: "an admin", "an employee", "a viewer". */
export const withArticle = (role: Role) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
