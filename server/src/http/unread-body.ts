import type { RequestHandler } from 'express';

/** What a client may still send after its answer, discarded, before the connection is closed. */
export const DISCARD_MAX_BYTES = 16 * 1024 * 1024;
export const DISCARD_MAX_MS = 5_000;
/** After the write side is shut, how long the socket stays before it goes. */
const LINGER_MS = 1_000;
const CHECK_MS = 25;

/**
 * An answer sent before its request body was read (a 401, 403, 413 or 429 to an upload):
 * Node reads and throws away the rest of the body, however much the client sends. This
 * caps that to DISCARD_MAX_BYTES or DISCARD_MAX_MS after the answer, then closes the
 * connection the careful way: the answer went out long before, the write side is shut (FIN),
 * reading stops (the client's writes stall) and the socket goes a moment later. A socket
 * destroyed at the moment of the answer while the client is still sending makes the kernel
 * answer with a RST, which can throw the client's unread answer away (Node's fetch then
 * reports EPIPE or ECONNRESET and no response).
 */
export const capUnreadBody: RequestHandler = (req, res, next) => {
  res.once('finish', () => {
    // Node's own finish handler ran first: the rest of the body flows to nowhere
    // (req._dump, which pushes no 'data'), or multer drains it. The socket counts both.
    if (req.complete || req.destroyed) return;
    const socket = req.socket;
    const startBytes = socket.bytesRead;
    const started = Date.now();
    const check = setInterval(() => {
      if (req.complete || socket.destroyed) return clearInterval(check);
      const over =
        socket.bytesRead - startBytes > DISCARD_MAX_BYTES || Date.now() - started > DISCARD_MAX_MS;
      if (!over) return;
      clearInterval(check);
      socket.end();
      socket.pause();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    }, CHECK_MS);
    check.unref();
  });
  next();
};
