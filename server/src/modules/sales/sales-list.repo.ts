import type { Db } from '../../db/pool';
import { one } from '../../db/rows';
import { SELECT, type SaleRow } from './sales.repo';
import type { ListSalesQuery } from './sales.schemas';

/** A page of the store's sales by the list's filters, and (without a cursor) how many match. */
export async function list(
  db: Db,
  storeId: string,
  q: ListSalesQuery,
  after?: { soldAt: string; id: string },
  /** `search` resolved (sales.service.ts): a sale number, and products it named. */
  found?: { number: number | null; productIds: string[] },
) {
  const like = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const args: unknown[] = [
    storeId,
    q.productId ?? null,
    q.dateFrom ?? null,
    q.dateTo ?? null,
    q.status ?? null,
    q.refunded ?? null,
    q.externalReference ?? null,
    like,
    found?.number ?? null,
    found?.productIds ?? [],
    q.search ?? null,
  ];
  const filter = `s.store_id = $1
    AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id AND i.product_id = $2))
    AND ($3::timestamptz IS NULL OR s.sold_at >= $3) AND ($4::timestamptz IS NULL OR s.sold_at <= $4)
    AND ($5::text IS NULL OR s.status = $5)
    AND ($6::boolean IS NULL OR EXISTS (SELECT 1 FROM sale_refunds r WHERE r.sale_id = s.id) = $6)
    AND ($7::text IS NULL OR s.external_reference = $7)
    AND ($8::text IS NULL OR s.number = $9 OR s.provisional_number = upper($11::text)
      OR s.customer_name ILIKE $8 OR s.customer_email ILIKE $8
      OR EXISTS (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id AND i.product_id = ANY($10::uuid[])))`;
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const column = q.sort === 'total' ? 's.total' : 's.sold_at';
  const keyset = after
    ? ` AND (s.sold_at, s.id) ${dir === 'ASC' ? '>' : '<'} ($14::timestamptz, $15::uuid)`
    : '';
  const { rows } = await db.query<SaleRow>(
    `${SELECT} WHERE ${filter}${keyset} ORDER BY ${column} ${dir}, s.id ${dir} LIMIT $12 OFFSET $13`,
    [
      ...args,
      q.limit + 1,
      after ? 0 : (q.page - 1) * q.limit,
      ...(after ? [after.soldAt, after.id] : []),
    ],
  );
  const total = after
    ? undefined
    : one(
        (await db.query<{ n: number }>(`SELECT count(*) AS n FROM sales s WHERE ${filter}`, args))
          .rows,
      ).n;
  return { rows, total };
}
