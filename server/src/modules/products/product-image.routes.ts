import { z } from 'zod';
import { ValidationError } from '../../core/errors';
import type { Routes } from '../../http/route';
import { fileUpload } from '../../http/upload';
import { idParams } from '../../http/validate';
import type { FilesService } from '../files/files.service';
import { PRODUCT_MONEY } from './products.routes';
import type { ProductImages } from './product-image';
import { sendStream } from '../../http/send-stream';

const imageQuery = z.strictObject({ size: z.enum(['thumb', 'large']).default('large') });

/** A product's picture, under /api/v1/stores/:storeId: whoever may edit products sets it. */
export function productImageRoutes(
  r: Routes,
  { productImages, files }: { productImages: ProductImages; files: Pick<FilesService, 'maxBytes'> },
) {
  const upload = fileUpload({ maxBytes: files.maxBytes, maxFields: 0 });
  r.store(
    'put',
    '/products/:id/image',
    { permission: 'inventory:write', params: idParams, before: [upload], money: PRODUCT_MONEY },
    async ({ ctx, params, req }) => {
      if (!req.file) {
        throw new ValidationError([
          {
            field: 'file',
            message: 'attach a JPEG, PNG or WebP image as "file"',
            code: 'required',
          },
        ]);
      }
      return productImages.set(ctx, params.id, req.file);
    },
  );
  r.store(
    'delete',
    '/products/:id/image',
    { permission: 'inventory:write', params: idParams, status: 204 },
    ({ ctx, params }) => productImages.remove(ctx, params.id),
  );
  r.raw(
    'get',
    '/products/:id/image',
    { permission: 'inventory:read', params: idParams, query: imageQuery },
    async ({ ctx, params, query }, res) => {
      const image = await productImages.open(ctx, params.id, query.size);
      res.setHeader('Content-Type', image.contentType);
      res.setHeader('Content-Length', String(image.size));
      // The picture's URL stays while the bytes change on a replace: the client keys it by
      // the product's `image.id`, and the browser asks again each time.
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      await sendStream(image.body, res);
    },
  );
}
