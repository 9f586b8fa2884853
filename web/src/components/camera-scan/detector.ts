/**
 * A barcode detector for camera frames: the browser's own `BarcodeDetector` where it has one
 * that reads retail and shelf codes, else the maintained ponyfill `barcode-detector`
 * (ZXing-C++ compiled to WebAssembly). The ponyfill and its wasm load only when the camera is
 * first opened, from this site (the wasm is a build asset, precached by the service worker):
 * nothing is fetched from a CDN, so it works offline too.
 */
export const FORMATS = [
  'ean_13',
  'ean_8',
  'upc_a',
  'upc_e',
  'code_128',
  'code_39',
  'itf',
  'qr_code',
] as const;

export interface Detector {
  detect(source: ImageBitmapSource): Promise<Array<{ rawValue: string }>>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(): Promise<Detector | undefined> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Native) return undefined;
  try {
    const supported = await Native.getSupportedFormats();
    const formats = FORMATS.filter((f) => supported.includes(f));
    return formats.includes('ean_13') ? new Native({ formats }) : undefined;
  } catch {
    return undefined;
  }
}

let made: Promise<Detector> | undefined;

export function barcodeDetector(): Promise<Detector> {
  made ??= (async () => {
    const native = await nativeDetector();
    if (native) return native;
    const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
      import('barcode-detector/ponyfill'),
      import('zxing-wasm/reader/zxing_reader.wasm?url'),
    ]);
    await prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) =>
          path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path,
      },
      fireImmediately: true,
    });
    return new BarcodeDetector({ formats: [...FORMATS] });
  })();
  made.catch(() => (made = undefined));
  return made;
}
