import dns from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** Where the server may send requests a user chose the address of (push services, webhooks). */
export interface OutboundOptions {
  /**
   * Loopback, private (RFC 1918, unique-local) and shared (CGNAT) addresses allowed: a push
   * service or a webhook receiver on the LAN, a test's local endpoint. Link-local addresses
   * (cloud metadata at 169.254.169.254) and other special ranges stay refused even then.
   */
  allowPrivate: boolean;
  /** CA certificates trusted besides the system's (PEM): a receiver behind an internal CA. */
  ca?: string;
  /** The whole request, connecting to the last byte of the answer (default 10 s). */
  timeoutMs?: number;
  /** Name resolution (default `dns.lookup`); every address it answers is checked. */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The start of the answer's body, at most `BODY_MAX` bytes (the rest is not read). */
  body: string;
}

/** A destination refused before any connection was made. */
export class OutboundRefusedError extends Error {
  readonly code = 'OUTBOUND_REFUSED';
}

const BODY_MAX = 16 * 1024;
const PUBLIC = new Set(['unicast']);
const PRIVATE = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);
/** Cloud metadata services that sit in ranges `allowPrivate` opens. */
const METADATA = new Set(['fd00:ec2::254', '100.100.100.200']);

/** Why `address` may not be connected to, or undefined when it may. */
export function refusal(address: string, allowPrivate: boolean): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (PUBLIC.has(range)) return undefined;
  if (allowPrivate && PRIVATE.has(range) && !METADATA.has(ip.toString())) return undefined;
  return `${ip.toString()} is a ${range} address`;
}

const systemResolve = async (hostname: string) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Outbound HTTP(S) for addresses users give: each name is resolved once and every address it
 * resolves to is checked inside the agents' `lookup`, so the address checked is the address
 * connected to (a name that answers a public address to a check and a private one to the
 * connection cannot slip through). An IP literal is checked before the request. Redirects
 * are never followed (a 3xx is an answer like any other); the request has one deadline; the
 * answer's body is read up to a budget.
 */
export function createOutbound(options: OutboundOptions) {
  const resolve = options.resolve ?? systemResolve;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const lookup: net.LookupFunction = (hostname, opts, callback) => {
    resolve(hostname).then(
      (found) => {
        const refused = found
          .map((a) => refusal(a.address, options.allowPrivate))
          .find((r) => r !== undefined);
        if (found.length === 0 || refused) {
          const why = refused ?? 'no address';
          return callback(new OutboundRefusedError(`${hostname}: ${why}`), '', 4);
        }
        const family = opts.family === 'IPv6' ? 6 : opts.family === 'IPv4' ? 4 : opts.family;
        const wanted = family ? found.filter((a) => a.family === family) : found;
        if (wanted.length === 0) {
          return callback(new OutboundRefusedError(`${hostname}: no IPv${family} address`), '', 4);
        }
        if (opts.all) return (callback as (e: null, a: typeof wanted) => void)(null, wanted);
        return callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 4),
    );
  };

  const agentOptions = { keepAlive: true, maxSockets: 32, timeout: timeoutMs, lookup };
  const agents = {
    'http:': new http.Agent(agentOptions),
    'https:': new https.Agent({ ...agentOptions, ...(options.ca ? { ca: options.ca } : {}) }),
  };

  /** Throws OutboundRefusedError for a URL that may not be requested at all. */
  function check(target: URL): void {
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      throw new OutboundRefusedError(`${target.protocol} URLs are not requested`);
    }
    if (target.username || target.password) {
      throw new OutboundRefusedError('URLs with credentials are not requested');
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host)) {
      const why = refusal(host, options.allowPrivate);
      if (why) throw new OutboundRefusedError(why);
    }
  }

  async function request(
    url: string,
    init: { method: string; headers: Record<string, string | number>; body?: Buffer | null },
  ): Promise<OutboundResponse> {
    const target = new URL(url);
    check(target);
    const client = target.protocol === 'https:' ? https : http;
    return new Promise((done, fail) => {
      const req = client.request(
        target,
        {
          method: init.method,
          headers: init.headers,
          agent: agents[target.protocol as keyof typeof agents],
          signal: AbortSignal.timeout(timeoutMs),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size >= BODY_MAX) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size >= BODY_MAX) res.destroy();
          });
          const finish = () =>
            done({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).subarray(0, BODY_MAX).toString('utf8'),
            });
          res.on('end', finish);
          res.on('close', () => (size >= BODY_MAX ? finish() : undefined));
          res.on('error', (err) => (size >= BODY_MAX ? finish() : fail(err)));
        },
      );
      req.on('error', fail);
      req.end(init.body ?? undefined);
    });
  }

  return {
    check: (url: string) => check(new URL(url)),
    request,
    /** The agents, for a library that makes its own requests (always with the checks). */
    agents,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

export type Outbound = ReturnType<typeof createOutbound>;
