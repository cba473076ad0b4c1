import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { charts } from '../../src/charts/registry';
import { chartWidths } from '../../src/design/tokens';
import { toXml } from '../../src/dom/html';
import { LANGS } from '../../src/content/types';
import { renderForTest } from '../support/render';

/**
 * Named SVG snapshots, one per chart × language × width, as Plot keeps them, checked with vitest's
 * toMatchFileSnapshot: a missing snapshot fails in CI (CI=true, as .ci/run sets it) and is written
 * elsewhere; a changed one fails everywhere, writes `<name>-changed.svg` beside the snapshot for a
 * visual diff and says in one line what moved. `npm run test:update` (vitest -u) accepts changes.
 */
const DIR = new URL('../snapshots/', import.meta.url);

/** One element per line, numbers rounded to 0.01 px: diffs that say what moved. */
function normalise(svg: string): string {
  return svg
    .replace(/(\d+\.\d{3,})/g, (digits) => String(Math.round(Number(digits) * 100) / 100))
    .replace(/></g, '>\n<');
}

function summarise(name: string, expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let first = 0;
  while (first < Math.min(a.length, b.length) && a[first] === b[first]) first++;
  const changed = a.filter((line, i) => line !== b[i]).length + Math.max(0, b.length - a.length);
  const was = a[first] ?? '';
  const now = b[first] ?? '';
  let at = 0;
  while (at < Math.min(was.length, now.length) && was[at] === now[at]) at++;
  const around = (line: string) => JSON.stringify(line.slice(Math.max(0, at - 20), at + 40));
  return `${name}: ${changed} line(s) differ, first at line ${first + 1}: ${around(was)} → ${around(now)}; see tests/snapshots/${name}-changed.svg, accept with npm run test:update`;
}

describe('chart snapshots', () => {
  mkdirSync(DIR, { recursive: true });
  for (const chart of charts) {
    for (const lang of LANGS) {
      for (const width of Object.values(chartWidths)) {
        const name = `${chart.id}-${lang}-${width}`;
        it(name, async () => {
          const actual = normalise(toXml(renderForTest(chart.id, lang, width)));
          const file = fileURLToPath(new URL(`${name}.svg`, DIR));
          const changedFile = fileURLToPath(new URL(`${name}-changed.svg`, DIR));
          const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
          const changed = expected !== undefined && expected !== actual;
          if (changed) writeFileSync(changedFile, actual);
          else rmSync(changedFile, { force: true });
          await expect(
            actual,
            changed ? summarise(name, expected, actual) : `${name}: no snapshot yet`,
          ).toMatchFileSnapshot(file);
        });
      }
    }
  }
});
