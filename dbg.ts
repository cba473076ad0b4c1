import { launchChromium } from './tests/support/browser';
import { serveDist } from './tests/support/server';
import { AxeBuilder } from '@axe-core/playwright';
const s = await serveDist(); const b = await launchChromium();
for (const w of [1280]) {
const c = await b.newContext({ viewport: { width: w, height: 900 } }); const p2 = await c.newPage(); await p2.goto(s.url);
let r = await new AxeBuilder({ page: p2 }).analyze();
for (const v of r.violations) console.log(v.impact, v.id, v.help, v.nodes.slice(0,3).map(n => n.target.join(' ') + ' ' + n.failureSummary).join('\n'));
await p2.click('.show-all-toggle');
r = await new AxeBuilder({ page: p2 }).analyze();
for (const v of r.violations) console.log('ALL', v.impact, v.id, v.help, v.nodes.slice(0,3).map(n => n.target.join(' ') + ' ' + n.failureSummary).join('\n'));
}
await b.close(); await s.close();
