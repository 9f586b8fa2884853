import { useCallback, useEffect, useReducer, useState } from 'react';
import type { LineAdjustment, TillLine, ScannedProduct } from '../api/types';

export type { TillLine };

type Action =
  | { type: 'add'; product: ScannedProduct }
  | { type: 'set'; productId: string; quantity: number }
  | { type: 'adjust'; productId: string; adjustment?: LineAdjustment }
  | { type: 'remove'; productId: string }
  | { type: 'clear' }
  | { type: 'load'; lines: TillLine[] };

function reduce(lines: TillLine[], action: Action): TillLine[] {
  switch (action.type) {
    case 'add': {
      const existing = lines.find((l) => l.product.id === action.product.id);
      if (!existing) return [...lines, { product: action.product, quantity: 1 }];
      // Scanning the same item again adds one more of it (and refreshes its price and stock).
      return lines.map((l) =>
        l === existing ? { ...l, product: action.product, quantity: l.quantity + 1 } : l,
      );
    }
    case 'set':
      return lines.map((l) =>
        l.product.id === action.productId ? { ...l, quantity: action.quantity } : l,
      );
    case 'adjust':
      return lines.map((l) =>
        l.product.id === action.productId ? { ...l, adjustment: action.adjustment } : l,
      );
    case 'remove':
      return lines.filter((l) => l.product.id !== action.productId);
    case 'clear':
      return [];
    case 'load':
      return action.lines;
  }
}

/** Money in cents, so a total of many lines does not drift (0.1 + 0.2). */
function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** A line's amount after its discount or price override, before tax (the quote has the tax). */
export function lineTotal(line: TillLine): number {
  return lineCents(line) / 100;
}

function lineCents({ product, quantity, adjustment: a }: TillLine): number {
  const unit = a?.kind === 'price' ? cents(a.value) : cents(product.price);
  const gross = unit * quantity;
  if (a?.kind === 'percent') return gross - Math.round((gross * a.value) / 100);
  if (a?.kind === 'amount') return Math.max(0, gross - cents(a.value));
  return gross;
}

// The sale being rung up is kept in this tab's storage (per store, with whose it is), so a
// reload, a session that ends, or a sign-out in another tab does not lose it: the same user
// opening this store's till in this tab finds it again. Another user's is thrown away.
const cartKey = (storeId: string) => `nimbus-till-cart:${storeId}`;

function savedLines(storeId: string, userId: string | undefined): TillLine[] {
  try {
    const raw = sessionStorage.getItem(cartKey(storeId));
    if (!raw) return [];
    const saved = JSON.parse(raw) as { userId?: string; lines?: TillLine[] };
    if (saved.userId === userId && Array.isArray(saved.lines)) return saved.lines;
    sessionStorage.removeItem(cartKey(storeId));
  } catch {
    // Storage unavailable or unreadable: start empty.
  }
  return [];
}

function saveLines(storeId: string, userId: string | undefined, lines: TillLine[]): void {
  try {
    if (lines.length && userId) {
      sessionStorage.setItem(cartKey(storeId), JSON.stringify({ userId, lines }));
    } else {
      sessionStorage.removeItem(cartKey(storeId));
    }
  } catch {
    // A full or disabled storage only costs the copy; the till works on.
  }
}

/** The lines of the sale being rung up: one per product, with a quantity. */
export function useSaleLines(storeId: string, userId: string | undefined) {
  const [lines, dispatch] = useReducer(reduce, undefined, () => savedLines(storeId, userId));
  // The till stays mounted when the store is switched: take up that store's sale instead.
  const [linesOf, setLinesOf] = useState(storeId);
  if (linesOf !== storeId) {
    setLinesOf(storeId);
    dispatch({ type: 'load', lines: savedLines(storeId, userId) });
  }
  useEffect(() => saveLines(storeId, userId, lines), [storeId, userId, lines]);
  return {
    lines,
    total: lines.reduce((sum, l) => sum + lineCents(l), 0) / 100,
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    add: useCallback((product: ScannedProduct) => dispatch({ type: 'add', product }), []),
    setQuantity: useCallback(
      (productId: string, quantity: number) => dispatch({ type: 'set', productId, quantity }),
      [],
    ),
    adjust: useCallback(
      (productId: string, adjustment?: LineAdjustment) =>
        dispatch({ type: 'adjust', productId, adjustment }),
      [],
    ),
    remove: useCallback((productId: string) => dispatch({ type: 'remove', productId }), []),
    clear: useCallback(() => dispatch({ type: 'clear' }), []),
    load: useCallback((lines: TillLine[]) => dispatch({ type: 'load', lines }), []),
  };
}
