import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { ValidationError } from '../../../http/errors';
import type { Guards } from '../../../http/guards';
import { completeWith, respond } from '../../../http/idempotency';
import { validate } from '../../../http/validate';
import type { ExportService } from './export.service';
import { MAX_IMPORT_BYTES } from './import-limits';
import type { ImportService } from './import.service';
import { sharedMemoryStorage } from './upload-storage';

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

const upload = multer({
  storage: sharedMemoryStorage(),
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 },
});

interface Deps {
  imports: ImportService;
  exports: ExportService;
  guards: Guards;
  idempotent: RequestHandler;
  heavy: RequestHandler;
}

/** Mounted at /api/v1/stores/:storeId/products, before the /:id routes. */
export function importExportRouter({ imports, exports, guards, idempotent, heavy }: Deps) {
  const can = guards.requireStorePermission;
  const router = Router({ mergeParams: true });

  router.post(
    '/import',
    can('inventory:write'),
    heavy,
    upload.single('file'),
    validate({ body: importOptions }),
    idempotent,
    async (req, res) => {
      if (!req.file) {
        throw new ValidationError([
          { field: 'file', message: 'attach a CSV or XLSX file as "file"', code: 'required' },
        ]);
      }
      // The format comes from the bytes, not from the file's name or type.
      const { status, body } = await imports.start(
        req.store!,
        req.file.buffer,
        req.body,
        completeWith(req, 200),
      );
      respond(req, res, status, body);
    },
  );

  router.get(
    '/export',
    can('inventory:read'),
    heavy,
    validate({ query: exportQuery }),
    async (req, res) => {
      const { format } = req.query as { format: 'csv' | 'xlsx' };
      const stamp = new Date().toISOString().slice(0, 10);
      res.setHeader('Content-Disposition', `attachment; filename="products-${stamp}.${format}"`);
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8');
        await exports.csv(req.store!, res);
      } else {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        await exports.xlsx(req.store!, res);
      }
    },
  );
  return router;
}
