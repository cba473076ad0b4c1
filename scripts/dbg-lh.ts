import lighthouse from 'lighthouse';
import { startLighthouseChrome } from './lib/lighthouse-runs';
import { serveStatic } from './lib/static-server';
const server = await serveStatic([{ prefix: '/', dir: 'dist' }]);
const chrome = await startLighthouseChrome();
for (const path of ['', 'embed/headline-targets/', 'data/']) {
  const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const lhr = result!.lhr;
  console.log('==', path);
  for (const [id, a] of Object.entries(lhr.audits)) if (a.score !== null && a.score < 1 && lhr.categories.accessibility!.auditRefs.some((r) => r.id === id)) console.log('a11y fail', id, JSON.stringify(a.details).slice(0, 600));
  const lcp = lhr.audits['largest-contentful-paint-element']?.details as any;
  console.log('lcp', String(JSON.stringify(lcp)).slice(0, 900));
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'server-response-time', 'render-blocking-resources', 'render-blocking-insight', 'mainthread-work-breakdown', 'network-requests']) {
    const a = lhr.audits[id]; if (!a) continue;
    console.log(id, a.numericValue, a.displayValue ?? '', id === 'network-requests' ? JSON.stringify((a.details as any).items.map((i: any) => [i.url.slice(-40), i.transferSize, i.resourceType])) : '');
  }
}
await chrome.teardown(); await server.teardown();
