import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps what it receives, for mail tests. */
export async function startSmtp() {
  const received: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** The subject, sender and text body of each mail to `email` (quoted-printable undone). */
    mailsTo: (email: string) =>
      received.filter((m) => m.to.includes(email)).map((m) => read(m.raw)),
    /** Each mail to `email` as it came, MIME parts and all (to read an attachment). */
    rawTo: (email: string) => received.filter((m) => m.to.includes(email)).map((m) => m.raw),
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

function read(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const subject = /^Subject: (.*)$/m.exec(head!)?.[1] ?? '';
  const body = rest
    .join('\r\n\r\n')
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\r\n/g, '\n');
  return { subject, body, from: /^From: (.*)$/m.exec(head!)?.[1] };
}
