import sharp from 'sharp';
import { scanOf, type ScanStyle } from './src/test/scans';
import { linesOfTsv } from './src/files/ocr/ocr-read';
import { runTool } from './src/files/ocr/run-tool';
import { invoiceFromOcr } from './src/modules/invoices/invoice-pdf';
const PRODUCTS: Array<[string | undefined, string]> = [
  ['MLK-1', 'Organic Milk 1L'], [undefined, 'Brown Bread 500g'], ['EGG-12', 'Free Range Eggs'], ['RIC-5', 'Basmati Rice 5kg'], [undefined, 'Olive Oil 750ml'], ['CHD-200', 'Cheddar Cheese 200g'], [undefined, 'Ground Coffee 250g'], ['TEA-40', 'Green Tea 40 bags'], [undefined, 'Tomato Passata 700g'], ['OAT-1', 'Rolled Oats 1kg'],
];
const STYLES: ScanStyle[] = [
  { font: 'DejaVu Sans', size: 28, noise: 30, angle: 0.8, format: 'png' },
  { font: 'DejaVu Serif', size: 28, noise: 50, angle: -1.2, format: 'jpeg' },
  { font: 'DejaVu Sans Mono', size: 26, noise: 40, angle: 1.5, format: 'jpeg' },
  { font: 'DejaVu Sans Condensed', size: 24, noise: 60, angle: -0.5, format: 'png' },
  { font: 'DejaVu Serif Condensed', size: 26, noise: 70, angle: 2, format: 'jpeg' },
  { font: 'DejaVu Sans', size: 22, noise: 90, angle: -2, format: 'jpeg' },
];
const invoiceFor = (k: number) => ({ supplier: 'Greenleaf Wholesale', number: `GW-${4400 + k}`, date: '2026-11-20', items: [0, 1, 2, 3].map((j) => { const [sku, description] = PRODUCTS[(k * 3 + j * 7) % PRODUCTS.length]!; return { sku, description, quantity: 1 + ((k * 5 + j * 3) % 24), unitCost: (99 + k * 137 + j * 211) / 100 }; }) });
const variants: Record<string, (b: Buffer) => Promise<Buffer>> = {
  norm: (b) => sharp(b).greyscale().normalise().png().toBuffer(),
  norm2: (b) => sharp(b).greyscale().normalise({ lower: 5, upper: 95 }).png().toBuffer(),
  clahe: (b) => sharp(b).greyscale().clahe({ width: 64, height: 64 }).png().toBuffer(),
  normmed: (b) => sharp(b).greyscale().median(3).normalise().png().toBuffer(),
  normgamma: (b) => sharp(b).greyscale().normalise().gamma(2.2).png().toBuffer(),
};
(async () => {
  const imgs = await Promise.all(STYLES.map((s, k) => scanOf(invoiceFor(k), s)));
  for (const [name, v] of Object.entries(variants)) {
    let ok = 0; const t = Date.now();
    for (const [k, img] of imgs.entries()) {
      const tsv = await runTool({ tool: 'tesseract', bin: 'tesseract', args: ['stdin', 'stdout', '-l', 'eng', '--psm', process.env.PSM ?? '6', 'tsv'], input: await v(img), timeoutMs: 30000 });
      let read: any[] = []; try { read = invoiceFromOcr(linesOfTsv(tsv.toString())).lines; } catch {}
      for (const p of invoiceFor(k).items) if (read.some((l) => l.description === p.description && l.quantity === p.quantity && l.unitCost === p.unitCost && (l.sku ?? undefined) === p.sku)) ok++;
    }
    console.log(name, ok, '/ 24', Date.now() - t, 'ms');
  }
})();
