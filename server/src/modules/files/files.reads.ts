import type { Db } from '../../db/pool';
import { liveImages } from './files.repo';

export interface ImageRef {
  /** Changes when the image is replaced: a client may cache the bytes under it. */
  id: string;
  width: number | null;
  height: number | null;
}

/** What other modules may read of the files table. */
export const fileReads = {
  /** Each product's live image, for a whole page in one query. */
  async productImages(db: Db, storeId: string, productIds: readonly string[]) {
    const images = new Map<string, ImageRef>();
    if (!productIds.length) return images;
    for (const r of await liveImages(db, storeId, productIds)) {
      images.set(r.subject_id, { id: r.id, width: r.width, height: r.height });
    }
    return images;
  },
};

export type FileReads = typeof fileReads;
