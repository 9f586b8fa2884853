import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';

export type ImageSize = 'thumb' | 'large';

/**
 * The picture, through the API's axios instance so the bearer token is sent, as a data URL:
 * it lives in the query cache like any answer and goes with it (an object URL would have to
 * be revoked by whoever made it, while other components may still show it).
 */
export async function getProductImage(
  storeId: string,
  productId: string,
  size: ImageSize,
): Promise<string> {
  const res = await apiClient.file('get', '/stores/{storeId}/products/{id}/image', {
    path: { storeId, id: productId },
    query: { size },
  });
  const blob: Blob = res.data;
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The picture could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * A product's picture as a URL for `<img>`, or undefined while it loads (or when it has none).
 * Keyed by the picture's id, whose bytes never change: fetched once, kept while shown.
 */
export function useProductImageUrl(
  storeId: string,
  productId: string,
  imageId: string | undefined,
  size: ImageSize,
): string | undefined {
  const url = useQuery({
    queryKey: storeDataKeys.productImage(storeId, imageId ?? '', size),
    queryFn: () => getProductImage(storeId, productId, size),
    enabled: Boolean(imageId),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  }).data;
  return imageId ? url : undefined;
}
