import { CATEGORIES, type CategorySpec, SUPPLIERS } from './catalog-data';
import { makeEan13 } from './ean';
import type { Rng } from './prng';

/** One product to create, with the parameters its sales and deliveries are simulated from. */
export interface PlannedProduct {
  sku: string;
  barcode: string | null;
  name: string;
  description: string;
  category: number;
  supplier: number;
  brand: string;
  department: string;
  unit: string;
  packSize: number;
  price: number;
  cost: number;
  reorderPoint: number;
  reorderQuantity: number;
  aisle: string | null;
  row: string | null;
  bin: string | null;
  /** Days from the last simulated day to the expiry date (negative: already expired). */
  expiresInDays: number | null;
  active: boolean;
  /** Days before the first simulated day the product was created. */
  createdDaysBefore: number;
  linesPerDay: number;
  unitsPerLine: number;
  /** Sales multiplier goes from 1 - trend/2 on the first day to 1 + trend/2 on the last. */
  trend: number;
  /** Day index after which the product no longer sells (discontinued), or null. */
  stopDay: number | null;
  casePack: number;
  /** Stock left when each delivery arrives, and wanted at the end of the history. */
  safetyStock: number;
  finalStock: number;
  deliveryEvery: number;
  deliveryOffset: number;
  wastePerDay: number;
  wasteReason: string;
}

const PACK_SUFFIXES = ['Value Pack', 'Twin Pack', 'Multipack', 'Family Pack', 'Bulk Pack'];

interface Item {
  name: string;
  price: number;
  unit: string;
  sizes: Array<{ label: string; factor: number }>;
}

const parsedItems = CATEGORIES.map((c) =>
  c.items.map((spec): Item => {
    const [name, price, unit, sizes] = spec.split('|') as [string, string, string, string];
    return {
      name,
      price: Number(price),
      unit,
      sizes: sizes.split(',').map((s) => {
        const [label, factor] = s.split(':') as [string, string];
        return { label, factor: Number(factor) };
      }),
    };
  }),
);

const totalWeight = CATEGORIES.reduce((s, c) => s + c.weight, 0);

function pickCategory(rng: Rng): number {
  let r = rng.next() * totalWeight;
  for (let i = 0; i < CATEGORIES.length; i++) {
    r -= CATEGORIES[i]!.weight;
    if (r < 0) return i;
  }
  return CATEGORIES.length - 1;
}

/** Retail-looking price: ends in .29/.49/.79/.99 and never below 0.29. */
function retailPrice(raw: number): number {
  const whole = Math.floor(raw);
  const ending = [0.29, 0.49, 0.79, 0.99].find((e) => whole + e >= raw) ?? 0.99;
  return Math.max(0.29, Math.round((whole + ending) * 100) / 100);
}

function expiryDays(rng: Rng, shelfLife: number): number | null {
  if (!shelfLife) return null;
  const r = rng.next();
  if (r < 0.03) return -rng.int(1, 10);
  if (r < 0.13 || shelfLife <= 30) return rng.int(1, Math.min(30, shelfLife));
  return rng.int(31, shelfLife);
}

/** Plans `count` products; names, SKUs and barcodes are unique within the plan. */
export function planCatalog(
  rng: Rng,
  count: number,
  days: number,
  linesPerProductDay: number,
): PlannedProduct[] {
  const names = new Set<string>();
  const brandCodes = new Map<string, { code: number; next: number }>();
  const out: PlannedProduct[] = [];
  for (let i = 0; i < count; i++) {
    const ci = pickCategory(rng);
    const cat: CategorySpec = CATEGORIES[ci]!;
    const item = rng.pick(parsedItems[ci]!);
    const loose = item.sizes.length === 1 && item.sizes[0]!.label === 'loose';
    let name = '';
    let brand = '';
    let size = item.sizes[0]!;
    let variant = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      brand = rng.pick(cat.brands);
      variant = rng.chance(0.7) ? '' : rng.pick(cat.variants);
      size = rng.pick(item.sizes);
      name =
        loose && attempt < 2
          ? `${variant}${item.name}`
          : `${brand} ${variant}${item.name}${size.label === 'single' || loose ? '' : ` ${size.label}`}`;
      if (!names.has(name)) break;
    }
    if (names.has(name)) name = `${name} ${rng.pick(PACK_SUFFIXES)}`;
    if (names.has(name)) name = `${name} ${i + 1}`;
    names.add(name);

    const brandKey = `${ci}:${brand}`;
    let code = brandCodes.get(brandKey);
    if (!code || code.next > 99_999) {
      code = { code: 10_000 + rng.int(0, 89_999), next: 1 };
      brandCodes.set(brandKey, code);
    }
    const barcode = loose
      ? null
      : makeEan13(rng.pick(['50', '40', '76', '87', '03']), code.code, code.next++);

    const tier = brand === 'Nimbus Basics' ? 0.85 : rng.chance(0.2) ? 1.2 : 1;
    const variantFactor = variant ? 1.25 : 1;
    const price = retailPrice(
      item.price * size.factor * tier * variantFactor * (0.92 + rng.next() * 0.16),
    );
    const cost = Math.min(price - 0.01, Math.round(price * (0.55 + rng.next() * 0.23) * 100) / 100);

    const supplier = SUPPLIERS[cat.supplier]!;
    const popularity = rng.chance(0.04) ? 0 : Math.exp(0.9 * rng.normal()) * cat.demand;
    const unitsPerLine = loose ? cat.unitsPerLine + 0.4 : cat.unitsPerLine;
    const status = rng.next();
    const casePack = Math.max(1, Math.round(cat.casePack / (size.factor >= 2.5 ? 2 : 1)));
    out.push({
      sku: `${cat.name.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(6, '0')}`,
      barcode,
      name,
      description: `${variant}${item.name}${loose ? ', sold loose' : ` by ${brand}, ${size.label}`}.`,
      category: ci,
      supplier: cat.supplier,
      brand: name.startsWith(brand) ? brand : '',
      department: cat.department,
      unit: item.unit,
      packSize: Number(/^(\d+)-pack/.exec(size.label)?.[1] ?? 1),
      price,
      cost,
      reorderPoint: 0,
      reorderQuantity: 0,
      aisle: rng.chance(0.92) ? rng.pick(cat.aisles) : null,
      row: String(rng.int(1, 6)),
      bin: String(rng.int(1, 40)).padStart(2, '0'),
      expiresInDays: expiryDays(rng, cat.shelfLife),
      active: popularity > 0 ? rng.chance(0.99) : rng.chance(0.6),
      createdDaysBefore: rng.int(1, 365),
      linesPerDay: popularity,
      unitsPerLine,
      trend: rng.chance(0.2) ? (rng.next() - 0.5) * 1.6 : (rng.next() - 0.5) * 0.4,
      stopDay: rng.chance(0.03) ? Math.floor(days * (0.3 + rng.next() * 0.5)) : null,
      casePack,
      safetyStock: 0,
      finalStock: status < 0.04 ? 0 : status < 0.14 ? -1 : -2,
      deliveryEvery: supplier.deliveryEvery,
      deliveryOffset: rng.int(0, supplier.deliveryEvery - 1),
      wastePerDay: (cat.wasteRate / 30) * (0.3 + rng.next() * 1.4),
      wasteReason: cat.waste,
    });
  }
  calibrate(rng, out, linesPerProductDay);
  return out;
}

/** Scales demand to the wanted average, then derives reorder levels and target stock. */
function calibrate(rng: Rng, products: PlannedProduct[], linesPerProductDay: number) {
  const mean = products.reduce((s, p) => s + p.linesPerDay, 0) / Math.max(1, products.length);
  const scale = mean > 0 ? linesPerProductDay / mean : 0;
  for (const p of products) {
    p.linesPerDay *= scale;
    const unitsPerDay = p.linesPerDay * p.unitsPerLine;
    const lead = SUPPLIERS[p.supplier]!.leadTimeDays;
    p.reorderPoint = Math.max(2, Math.ceil(unitsPerDay * lead * 1.5) + 1);
    const cycle = Math.max(1, Math.round((unitsPerDay * p.deliveryEvery) / p.casePack));
    p.reorderQuantity = cycle * p.casePack;
    if (p.finalStock === 0) {
      p.safetyStock = 0;
    } else if (p.finalStock === -1) {
      p.safetyStock = rng.int(0, p.reorderPoint - 1);
      p.finalStock = rng.int(1, p.reorderPoint);
    } else {
      p.safetyStock = Math.ceil(p.reorderPoint * (0.6 + rng.next() * 0.8));
      p.finalStock = p.reorderPoint + rng.int(1, p.reorderQuantity + p.casePack);
    }
  }
}
