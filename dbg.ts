import { launchChromium } from './tests/support/browser';
import { serveDist } from './tests/support/server';
const s = await serveDist(); const b = await launchChromium();
const p = await (await b.newContext({ viewport: { width: 800, height: 900 } })).newPage();
await p.goto(s.url + 'embed/town-map/');
await p.locator('.chart-svg:visible [data-town="511303107"]').click(); await p.waitForTimeout(300);
console.log('panel visible:', await p.locator('.map-panel').isVisible());
await b.close(); await s.close();
