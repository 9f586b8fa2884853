// Reads back every barcode of a PDF as a printer and a scanner would: poppler's pdftoppm
// rasterises each page at 300 dpi, zxing-cpp (its WebAssembly build) reads the symbols. Run
// as a process of its own (`node read-barcodes.mjs file.pdf`; an ES module, which the
// journeys' CommonJS test files cannot import); prints a JSON array of "FORMAT text", sorted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
await prepareZXingModule({
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  fireImmediately: true,
});
const dir = mkdtempSync(path.join(os.tmpdir(), 'barcodes-'));
try {
  execFileSync('pdftoppm', ['-r', '300', '-png', path.resolve(process.argv[2]), 'page'], {
    cwd: dir,
  });
  const found = [];
  for (const page of readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()) {
    const results = await readBarcodes(new Uint8Array(readFileSync(path.join(dir, page))), {
      maxNumberOfSymbols: 255,
      formats: ['EAN13', 'UPCA', 'EAN8', 'Code128'],
    });
    found.push(...results.filter((r) => r.isValid).map((r) => `${r.format} ${r.text}`));
  }
  process.stdout.write(JSON.stringify(found.sort()));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
