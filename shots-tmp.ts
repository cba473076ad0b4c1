import { launchChromium } from './scripts/lib/chromium';
import { serveDist } from './scripts/lib/site';
const s = await serveDist('dist'); const b = await launchChromium();
const arg = process.argv.slice(2);
for (const spec of arg) {
  const [path, w, h, scheme, scrollSel] = spec.split(',');
  const ctx = await b.newContext({ viewport: { width: Number(w), height: Number(h) }, colorScheme: (scheme as 'light'|'dark') || 'light' });
  const p = await ctx.newPage();
  await p.goto(s.url + path);
  if (scrollSel) { await p.locator(scrollSel).first().evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - innerHeight * 0.6)); await p.waitForTimeout(900); }
  const name = `/tmp/shot-${path.replace(/\W/g,'_')}-${w}-${scheme}-${(scrollSel??'').replace(/\W/g,'_')}.png`;
  await p.screenshot({ path: name }); console.log(name);
  await ctx.close();
}
await b.close(); await s.close();
