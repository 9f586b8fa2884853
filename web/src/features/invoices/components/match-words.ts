import type { InvoiceLine } from '../api/types';

/** How sure the match is, in words: the review must not rely on colour. */
export function matchWords(match: InvoiceLine['match']): string {
  const pct = `${Math.round(match.confidence * 100)}%`;
  switch (match.method) {
    case 'barcode':
      return 'Exact barcode match';
    case 'sku':
      return match.confidence >= 0.95 ? 'Exact SKU match' : "Supplier's item code";
    case 'name':
      return match.confidence >= 0.8 ? `Name match, high (${pct})` : `Name match, medium (${pct})`;
    case 'manual':
      return 'Chosen by you';
    case 'created':
      return 'Created from this line';
    default:
      return 'Not matched';
  }
}

/** A suggestion's confidence in words. */
export function suggestionWords(confidence: number): string {
  const pct = `${Math.round(confidence * 100)}%`;
  if (confidence >= 0.6) return `likely, ${pct}`;
  if (confidence >= 0.4) return `possible, ${pct}`;
  return `unlikely, ${pct}`;
}
