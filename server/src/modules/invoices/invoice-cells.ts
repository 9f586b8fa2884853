/*
 * Reading one cell of a supplier's invoice, whatever wrote it: a spreadsheet's number, or
 * text such as "$1,234.50", "1.234,50", "(12.00)", "20/11/2026" or "Nov 20, 2026". A value
 * that cannot be read is `invalid` with a reason; the caller decides what that costs.
 * Nothing is ever evaluated: "=2*3" is text, and text is not a number.
 */

export type Cell<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

export function text(v: unknown): string | null {
  if (blank(v)) return null;
  return String(v).trim().replace(/\s+/g, ' ');
}

/**
 * An amount: the last of `.` and `,` followed by one or two digits is the decimal mark (so
 * both "1,234.50" and "1.234,50" read as 1234.5); currency signs and spaces are dropped;
 * "(12.00)" is negative, as accountants write it.
 */
export function amount(v: unknown): Cell<number> {
  if (blank(v)) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : bad();
  let s = String(v).trim();
  const negative = /^\(.*\)$/.test(s) || /^-/.test(s);
  s = s.replace(/^\(|\)$/g, '').replace(/^-/, '');
  s = s.replace(/^(?:[A-Z]{3}\s?|[$€£¥₹])\s*/i, '').replace(/\s*(?:[$€£¥₹]|[A-Z]{3})$/i, '');
  s = s.replace(/[\s\u00a0']/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return bad();
  const mark = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const decimals = mark >= 0 ? s.length - mark - 1 : 0;
  let normal: string;
  if (mark >= 0 && decimals >= 1 && decimals <= 2) {
    const whole = s.slice(0, mark);
    // Digits, or thousands grouped by the other mark: "1,234.50" and "1.234,50", not "1.2.3,4".
    if (
      !/^\d*$/.test(whole) &&
      !new RegExp(`^\\d{1,3}(\\${s[mark] === '.' ? ',' : '.'}\\d{3})+$`).test(whole)
    )
      return bad();
    normal = whole.replace(/[.,]/g, '') + '.' + s.slice(mark + 1);
  } else if (mark >= 0 && decimals === 3 && /^\d{1,3}([.,]\d{3})+$/.test(s)) {
    normal = s.replace(/[.,]/g, ''); // thousands only: "1,234"
  } else if (mark < 0) normal = s;
  else if ((s.match(/[.,]/g) ?? []).length === 1) normal = s.replace(',', '.');
  else return bad();
  const value = Number(normal);
  if (!Number.isFinite(value)) return bad();
  return { ok: true, value: negative ? -value : value };

  function bad(): Cell<number> {
    return { ok: false, reason: `"${String(v).slice(0, 40)}" is not an amount` };
  }
}

/** A whole, non-negative count ("12", "12.0", 12); "2.5" or "twelve" are not. */
export function count(v: unknown): Cell<number> {
  const a = amount(v);
  if (!a.ok) return { ok: false, reason: `"${String(v).slice(0, 40)}" is not a quantity` };
  if (a.value === null) return a;
  if (!Number.isInteger(a.value)) return { ok: false, reason: `${a.value} is not a whole number` };
  if (a.value < 0) return { ok: false, reason: 'a quantity must not be negative' };
  return a;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
};

const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A calendar date, `YYYY-MM-DD` out. Read: ISO dates (also an XLSX date cell), "20 Nov 2026",
 * "Nov 20, 2026", and numeric dates with `/`, `.` or `-`: when one part is over 12 it says
 * which is the day; "03/04/2026" stays ambiguous and is read day first (most of the world
 * writes it so) with `ambiguous: true`, for a warning.
 */
export function date(v: unknown): Cell<string> & { ambiguous?: boolean } {
  if (blank(v)) return { ok: true, value: null };
  const s = String(v).trim();
  const bad = { ok: false as const, reason: `"${s.slice(0, 40)}" is not a date` };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return ok(iso(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), year(m[3]!)];
    if (a > 12) return ok(iso(y, b, a));
    if (b > 12) return ok(iso(y, a, b));
    return { ...ok(iso(y, b, a)), ambiguous: a !== b };
  }
  m = /^(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{4})$/i.exec(s);
  if (m) return ok(iso(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1])));
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s);
  if (m) return ok(iso(Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2])));
  return bad;

  function ok(value: string | null): Cell<string> {
    return value ? { ok: true, value } : bad;
  }
}
