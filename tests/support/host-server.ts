import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
const VENDOR: Record<string, string> = {
  '/vendor/pym.js': require.resolve('pym.js/dist/pym.v1.js'),
  '/vendor/frames.js': fileURLToPath(
    new URL('../../node_modules/@newswire/frames/dist/frames.umd.js', import.meta.url),
  ),
};

export interface HostServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Third-party host pages on a second loopback origin, so embeds are cross-origin as on a real
 * news site. /pym-host.html and /frames-host.html take ?src=; /loader-host.html takes ?code=.
 */
export async function startHostServer(): Promise<HostServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    const vendor = VENDOR[url.pathname];
    if (vendor) {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(readFileSync(vendor));
      return;
    }
    const name = url.pathname.slice(1);
    if (!['pym-host.html', 'frames-host.html', 'loader-host.html'].includes(name)) {
      response.writeHead(404).end();
      return;
    }
    const html = fixture(name)
      .replace('__EMBED_SRC__', () => JSON.stringify(url.searchParams.get('src') ?? '').replace(/</g, '\\u003c'))
      .replace('__EMBED_CODE__', () => url.searchParams.get('code') ?? '');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('host server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
