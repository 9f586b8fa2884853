import type { ErrorDetail } from '../../core/errors';
import type { LineRow } from './transfers.repo';
import type { ReceiveTransferInput } from './transfers.schemas';

/**
 * What is wrong with a receipt's counts, field by field: a line not of the transfer, more than
 * was sent, units for a product deleted here since it was sent, and every line left uncounted.
 */
export function receiveProblems(
  lines: LineRow[],
  input: ReceiveTransferInput,
  counted: Map<string, number>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = input.lines.flatMap((l, i): ErrorDetail[] => {
    const line = lines.find((x) => x.id === l.lineId);
    if (!line)
      return [
        { field: `lines.${i}.lineId`, message: 'is not a line of this transfer', code: 'custom' },
      ];
    if (l.receivedQuantity > line.quantity)
      return [
        {
          field: `lines.${i}.receivedQuantity`,
          message: `must be at most the ${line.quantity} sent`,
          code: 'too_big',
        },
      ];
    if (l.receivedQuantity > 0 && line.to_product_id === null)
      return [
        {
          field: `lines.${i}.lineId`,
          message: `${line.sku} was deleted in this store since it was sent: receive 0`,
          code: 'custom',
        },
      ];
    return [];
  });
  for (const l of lines.filter((x) => !counted.has(x.id))) {
    problems.push({
      field: 'lines',
      message: `${l.sku} (line ${l.line_no}) is not counted: list every line`,
      code: 'custom',
    });
  }
  return problems;
}
