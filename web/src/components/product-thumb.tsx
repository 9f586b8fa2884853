import { useProductImageUrl, type ImageSize } from '@/hooks/use-product-image';

interface ProductThumbProps {
  storeId: string;
  product: { id: string; name: string; image?: { id: string } | null };
  size?: ImageSize;
  className?: string;
}

/** A product's picture (a blank square of the same size when it has none, or while loading). */
export function ProductThumb({ storeId, product, size = 'thumb', className }: ProductThumbProps) {
  const url = useProductImageUrl(storeId, product.id, product.image?.id, size);
  const classes = `product-thumb product-thumb--${size}${className ? ` ${className}` : ''}`;
  if (!url) return <span className={`${classes} product-thumb--empty`} aria-hidden="true" />;
  return <img className={classes} src={url} alt={`Picture of ${product.name}`} />;
}
