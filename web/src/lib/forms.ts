import type { FormEvent } from 'react';

/** Reads a submitted form's text fields by name, trimmed unless the name says password. */
export function readForm(event: FormEvent<HTMLFormElement>): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(event.currentTarget).forEach((value, key) => {
    if (typeof value !== 'string') return;
    values[key] = /password/i.test(key) ? value : value.trim();
  });
  return values;
}

export type FieldErrors = Record<string, string>;

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string | undefined): string | undefined {
  if (!value) return 'Enter your e-mail address.';
  return EMAIL.test(value) ? undefined : 'Enter a valid e-mail address, like name@example.com.';
}

export function checkRequired(value: string | undefined, what: string): string | undefined {
  return value ? undefined : `Enter ${what}.`;
}

/** Mirrors the server's rule: 8..128 characters, more than one character class. */
export function checkNewPassword(value: string | undefined): string | undefined {
  if (!value) return 'Choose a password.';
  if (value.length < 8) return 'Use at least 8 characters.';
  if (value.length > 128) return 'Use at most 128 characters.';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(value));
  if (classes.length < 2) return 'Mix at least two of: lowercase, uppercase, digits, symbols.';
  return undefined;
}

/** Keeps only the messages that are set. */
export function collectErrors(checks: Record<string, string | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(checks).filter(([, m]) => m)) as FieldErrors;
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  required?: boolean;
}

/** Checks a typed number; an empty optional field is fine. */
export function checkNumber(value: string | undefined, rule: NumberRule = {}): string | undefined {
  if (!value) return rule.required ? 'Enter a number.' : undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return 'Enter a number.';
  if (rule.integer && !Number.isInteger(n)) return 'Enter a whole number.';
  if (rule.min !== undefined && n < rule.min) return `Must be at least ${rule.min}.`;
  if (rule.max !== undefined && n > rule.max) return `Must be at most ${rule.max}.`;
  return undefined;
}

/** A typed number, or null when the field was left empty. */
export function toNumber(value: string | undefined): number | null {
  return value ? Number(value) : null;
}

/** For creates: leaves out what was left empty instead of sending nulls. */
export function withoutEmpty<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as Partial<T>;
}
