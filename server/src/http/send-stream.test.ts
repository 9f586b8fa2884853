import http from 'node:http';
import { Readable } from 'node:stream';
import express from 'express';
import { sendStream } from './send-stream';

/** A download the client stops reading is not an error; a source that fails still is. */
async function serve(body: () => Readable) {
  const outcomes: Array<'sent' | Error> = [];
  const app = express();
  app.get('/file', (_req, res) => {
    sendStream(body(), res).then(
      () => outcomes.push('sent'),
      (err: Error) => outcomes.push(err),
    );
  });
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  return { outcomes, url: `http://127.0.0.1:${port}/file`, close: () => server.close() };
}

/** Endless megabytes: the client hangs up long before the end. */
const endless = () =>
  new Readable({
    read() {
      this.push(Buffer.alloc(64 * 1024, 97));
    },
  });

const until = async (check: () => boolean) => {
  for (const end = Date.now() + 5000; !check() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 10));
};

test('when the client hangs up mid-download, then the stream ends without an error and the source is closed', async () => {
  let source: Readable | undefined;
  const s = await serve(() => (source = endless()));
  try {
    await new Promise<void>((resolve) => {
      const req = http.get(s.url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
    });
    await until(() => s.outcomes.length > 0);
    expect(s.outcomes).toEqual(['sent']);
    expect(source!.destroyed).toBe(true);
  } finally {
    s.close();
  }
});

test('when the source fails, then the error goes on to the caller', async () => {
  const s = await serve(
    () =>
      new Readable({
        read() {
          this.destroy(new Error('storage unreadable'));
        },
      }),
  );
  try {
    await new Promise<void>((resolve) => {
      const req = http.get(s.url, (res) => {
        res.resume();
        res.on('close', resolve);
      });
      req.on('error', () => resolve());
    });
    await until(() => s.outcomes.length > 0);
    expect(s.outcomes).toHaveLength(1);
    expect((s.outcomes[0] as Error).message).toBe('storage unreadable');
  } finally {
    s.close();
  }
});
