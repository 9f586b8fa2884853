import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ValidationError } from '../../../core/errors';
import type { Routes } from '../../../http/route';
import { fileUpload } from '../../../http/upload';
import type { ExportService } from './export.service';
import { MAX_IMPORT_BYTES } from './import-limits';
import type { ImportService } from './import.service';

const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'on')
  .default(false);

const importOptions = z
  .object({ validateOnly: flag, skipDuplicates: flag, updateExisting: flag, updateStock: flag })
  .refine((o) => !(o.skipDuplicates && o.updateExisting), {
    message: 'choose either skipDuplicates or updateExisting',
    path: ['updateExisting'],
  })
  .refine((o) => !o.updateStock || o.updateExisting, {
    message: 'applies to existing products: send updateExisting=true with it',
    path: ['updateStock'],
  });

const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
});

const upload = fileUpload({ maxBytes: MAX_IMPORT_BYTES, maxFields: 10 });

interface Deps {
  imports: ImportService;
  exports: ExportService;
  /** The heavy-endpoint rate limit. */
  heavy: RequestHandler;
}

/** Routes under /api/v1/stores/:storeId (before the products' /products/:id). */
export function importExportRoutes(r: Routes, { imports, exports, heavy }: Deps) {
  r.store(
    'post',
    '/products/import',
    {
      permission: 'inventory:write',
      before: [heavy, upload],
      body: importOptions,
      // A small file is imported in the request (200), a large one queued (202).
      idempotent: (data: object) => ('status' in data ? 202 : 200),
      // A validate-only run rolls back: nothing to store its answer with.
      unchanged: (data: object) => 'validateOnly' in data && data.validateOnly === true,
    },
    async ({ ctx, body, req }) => {
      if (!req.file) {
        throw new ValidationError([
          { field: 'file', message: 'attach a CSV or XLSX file as "file"', code: 'required' },
        ]);
      }
      // The format comes from the bytes, not from the file's name or type.
      return imports.start(ctx, req.file.buffer, body);
    },
  );

  r.raw(
    'get',
    '/products/export',
    { permission: 'inventory:read', heavy: true, query: exportQuery },
    async ({ ctx, query }, res) => {
      const stamp = new Date().toISOString().slice(0, 10);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="products-${stamp}.${query.format}"`,
      );
      if (query.format === 'csv') {
        res.type('text/csv; charset=utf-8');
        await exports.csv(ctx, res);
      } else {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        await exports.xlsx(ctx, res);
      }
    },
  );
}
