import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A folder served under a URL prefix ('/' for the site, '/__plot-anchor/' for the anchor page). */
export interface Mount {
  prefix: string;
  dir: string;
}

export interface StaticServer {
  url: string;
  teardown: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.woff2': 'font/woff2',
};
/** What static hosts compress: text. Images, fonts and archives are sent as they are. */
const GZIPPED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.topojson', '.svg', '.csv', '.txt', '.xml']);

/** Which file a request path names under the mounts; null outside every mount (or climbing out of one). */
function fileFor(mounts: Mount[], path: string): { file: string; redirect?: string } | null {
  const mount = [...mounts]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((m) => path.startsWith(m.prefix) || `${path}/` === m.prefix);
  if (!mount) return null;
  if (`${path}/` === mount.prefix) return { file: '', redirect: mount.prefix };
  const root = resolve(mount.dir);
  const file = resolve(root, `.${sep}${decodeURIComponent(path.slice(mount.prefix.length))}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) {
    return path.endsWith('/') ? { file: join(file, 'index.html') } : { file: '', redirect: `${path}/` };
  }
  return { file };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  file: string,
  cache: Map<string, Buffer>,
): void {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  let body: Buffer = readFileSync(file);
  const headers: Record<string, string> = { 'Content-Type': type };
  if (GZIPPED.has(extname(file))) {
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const packed = cache.get(file) ?? gzipSync(body);
      cache.set(file, packed);
      body = packed;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * A static host on a free loopback port: files as they are, `dir/` → `dir/index.html`, `dir` →
 * 301 to `dir/`, gzip (zlib's default level 6) for text types when the client accepts it, the
 * site's 404.html for a missing file. Returns its URL and the teardown that closes it.
 */
export async function serveStatic(mounts: Mount[], notFoundPage?: string): Promise<StaticServer> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const target = fileFor(mounts, path);
      if (target?.redirect) {
        res.writeHead(301, { Location: target.redirect });
        res.end();
      } else if (target && existsSync(target.file) && statSync(target.file).isFile()) {
        send(req, res, 200, target.file, cache);
      } else if (notFoundPage && existsSync(notFoundPage)) {
        send(req, res, 404, notFoundPage, cache);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
      }
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  // Idle keep-alive sockets stay open longer than a client waits to reuse them (undici: 4 s), so
  // the server never closes a socket just as a client sends its next request on it (ECONNRESET).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    teardown: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
