import type { Routes } from '../../http/route';
import type { LabelsService } from './labels.service';
import { labelsBody } from './labels.schemas';

export function labelsRoutes(r: Routes, { labels }: { labels: LabelsService }) {
  // Printing labels is everyday stock work: every role may (inventory:read). Heavy: a large
  // file takes a store's slot, as an export does.
  r.raw(
    'post',
    '/labels',
    { permission: 'inventory:read', heavy: true, body: labelsBody },
    async ({ ctx, body }, res) => {
      const pdf = await labels.pdf(ctx, body);
      const stamp = new Date().toISOString().slice(0, 10);
      res.setHeader('Content-Disposition', `attachment; filename="labels-${stamp}.pdf"`);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Length', String(pdf.length));
      res.end(pdf);
    },
  );
}
