import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/**
 * Streams a body to the response. A client that goes away mid-way (a cancelled download, a
 * closed tab) ends it: the source is closed by the pipeline and nothing is an error. Any other
 * failure (storage unreadable) goes on to the error handler.
 */
export async function sendStream(body: Readable, res: Response): Promise<void> {
  try {
    await pipeline(body, res);
  } catch (err) {
    const clientGone =
      res.destroyed && (err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE';
    if (!clientGone) throw err;
  }
}
