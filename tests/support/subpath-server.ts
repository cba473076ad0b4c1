import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.zip': 'application/zip',
  '.topojson': 'application/json', '.cff': 'text/plain',
};

export interface SubpathServer {
  /** e.g. http://127.0.0.1:PORT/graphics/gaoping/ */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves a built dist/ under a subpath, as a static host would: /sub/dir/ → dir/index.html,
 * anything else missing → 404.html with status 404. Nothing outside the subpath is served.
 */
export async function serveUnderSubpath(dist: string, basePath: string): Promise<SubpathServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, file: string) => {
      response.statusCode = status;
      response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.end(readFileSync(file));
    };
    if (!pathname.startsWith(basePath)) return send(404, join(dist, '404.html'));
    const relative = normalize(pathname.slice(basePath.length));
    if (relative.startsWith('..')) return send(404, join(dist, '404.html'));
    let file = join(dist, relative);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    return send(404, join(dist, '404.html'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${basePath}`, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
