import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';

export type ImageSize = 'thumb' | 'large';

/** The picture's bytes, through the API's axios instance so the bearer token is sent. */
export async function getProductImage(
  storeId: string,
  productId: string,
  size: ImageSize,
): Promise<Blob> {
  const res = await apiClient.file('get', '/stores/{storeId}/products/{id}/image', {
    path: { storeId, id: productId },
    query: { size },
  });
  return res.data;
}

/**
 * An object URL for a product's picture, or undefined while it loads (or when it has none).
 * Keyed by the picture's id, whose bytes never change: fetched once, kept while shown.
 */
export function useProductImageUrl(
  storeId: string,
  productId: string,
  imageId: string | undefined,
  size: ImageSize,
): string | undefined {
  const blob = useQuery({
    queryKey: storeDataKeys.productImage(storeId, imageId ?? '', size),
    queryFn: () => getProductImage(storeId, productId, size),
    enabled: Boolean(imageId),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  }).data;
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return imageId ? url : undefined;
}
