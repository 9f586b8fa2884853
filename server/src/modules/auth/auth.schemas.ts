import { z } from 'zod';
import { email } from '../../http/validate';

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export const password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters')
  .refine((p) => CLASSES.filter((c) => c.test(p)).length >= 2, {
    message: 'must mix at least two of: lowercase, uppercase, digits, symbols',
  })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), {
    message: 'is too common; choose another',
  });

// A short list of the most breached passwords that pass the length and class rules.
const COMMON_PASSWORDS = new Set([
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'qwerty123',
  'qwertyuiop1',
  'abc12345',
  'abcd1234',
  'iloveyou1',
  'welcome1',
  'welcome123',
  'letmein1',
  'admin123',
  'changeme1',
  'football1',
  'baseball1',
  'monkey123',
  'sunshine1',
  'princess1',
  'trustno1',
]);

const name = z.string().trim().min(1, 'is required').max(100);

export const registerBody = z.object({
  email,
  password,
  name,
  storeName: z.string().trim().min(1).max(100).optional(),
});

export const loginBody = z.object({
  email,
  password: z.string().min(1, 'is required').max(128),
});

export const refreshBody = z.object({ refreshToken: z.string().min(1).max(200).optional() });

/**
 * The caller's own profile: a new name, a new e-mail (with the current password, checked by
 * the service), or both. At least one of them; nothing else (400 naming it).
 */
export const profileBody = z
  .strictObject({
    name: name.optional(),
    email: email.optional(),
    currentPassword: z.string().min(1, 'is required').max(128).optional(),
  })
  .refine((b) => b.name !== undefined || b.email !== undefined, {
    message: 'send a name or an email to change',
    path: ['name'],
  });

export const forgotPasswordBody = z.object({ email });

export const resetPasswordBody = z.object({
  token: z.string().min(1).max(200),
  newPassword: password,
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'is required').max(128),
  newPassword: password,
});

export type RegisterInput = z.infer<typeof registerBody>;

/** An approval PIN: 4 to 8 digits. */
export const approvalPin = z
  .string({ message: 'must be a text of 4 to 8 digits' })
  .regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const approvalPinBody = z.strictObject({
  pin: approvalPin,
  currentPassword: z.string().min(1, 'is required').max(128),
});
