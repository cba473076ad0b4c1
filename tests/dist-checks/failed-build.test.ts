import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT } from '../support/server';

/**
 * End to end, once: a build whose inputs are broken stops before bundling and removes its output
 * folder, the last build included, so nothing stale can be deployed. Which inputs stop it, and
 * what the message names, is tests/unit/site-inputs.test.ts.
 */
const OUT = 'test-artifacts/dist-broken';
const BROKEN = 'test-artifacts/broken-metrics.json';

afterAll(() => {
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
  rmSync(join(ROOT, BROKEN), { force: true });
});

describe('a build from a broken dataset', () => {
  it('fails naming file, id and field, and leaves no output folder behind', async () => {
    mkdirSync(join(ROOT, OUT), { recursive: true });
    writeFileSync(join(ROOT, OUT, 'index.html'), 'an old build that must not be deployed');
    const dataset = JSON.parse(readFileSync(join(ROOT, 'data/metrics.json'), 'utf8'));
    dataset.projects.find((p: { id: string }) => p.id === 'jiangling-key-central-town-2025').codes = ['511303777'];
    writeFileSync(join(ROOT, BROKEN), JSON.stringify(dataset));
    await expect(buildSite(OUT, { METRICS_FILE: BROKEN })).rejects.toThrow(
      `${BROKEN}: project "jiangling-key-central-town-2025": field "codes": town code 511303777 is not a town`,
    );
    expect(existsSync(join(ROOT, OUT))).toBe(false);
  });
});
