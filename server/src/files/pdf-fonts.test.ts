import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { pdfFonts } from './pdf-fonts';

/** The PDF fonts: names in other scripts read back from the file (poppler's pdftotext). */
const run = promisify(execFile);

async function pdfWith(text: string, dir?: string) {
  const doc = new PDFDocument({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const font = pdfFonts(doc, dir);
  doc.font(font.bold).text(text);
  doc.end();
  return { font, pdf: await done };
}

async function textOf(pdf: Buffer) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fonts-'));
  try {
    await writeFile(path.join(dir, 'f.pdf'), pdf);
    return (await run('pdftotext', ['f.pdf', '-'], { cwd: dir })).stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('when DejaVu Sans is installed, then Polish, Czech and Cyrillic names come out of the PDF as typed', async () => {
  const { font, pdf } = await pdfWith('Żubrówka · Čaj · Чай');
  expect(font.unicode).toBe(true);
  expect(await textOf(pdf)).toBe('Żubrówka · Čaj · Чай');
});

test('when the fonts are missing, then the PDF still renders in Helvetica (Latin-1 names intact)', async () => {
  const { font, pdf } = await pdfWith('Café crème', '/nonexistent/fonts');
  expect(font).toEqual({ regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false });
  expect(await textOf(pdf)).toBe('Café crème');
});
