import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { timeScale } from './scripts/lib/time-scale';
import { notFoundPagePlugin, sitePlugin } from './src/site/vite-plugin';
import { SlowestFirstSequencer } from './tests/support/sequencer';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A test's time budget on an idle two-core machine (5 s unit, 30 s dist and browser), scaled to this one. */
const scale = timeScale();
const budget = (ms: number) => ms * scale;

export default defineConfig({
  appType: 'mpa',
  base: './',
  plugins: [sitePlugin(), notFoundPagePlugin()],
  build: {
    rollupOptions: {
      input: {
        // Every page is rendered by src/site/render-site.ts; these are the scripts they load.
        story: page('src/story/client.ts'),
        embed: page('src/embed/client.ts'),
        desk: page('src/embed/desk.ts'),
        report: page('src/report/client.ts'),
        explore: page('src/explore/client.ts'),
        loader: page('src/embed/loader.ts'),
        cite: page('src/story/cite-entry.ts'),
      },
      output: {
        // Editors' pages load the loader by a fixed URL, so it keeps its name.
        entryFileNames: (chunk) => (chunk.name === 'loader' ? 'embed/loader.js' : 'assets/[name]-[hash].js'),
        // The page furniture every kind of page shares (tooltips, town dialog, citation copy, embed
        // options, the bundler's runtime) in one chunk: each page loads at most two scripts up front,
        // since each extra script on the way to the first paint costs a phone a round trip.
        codeSplitting: {
          groups: [{ name: 'common', test: /src[\\/](figure[\\/](tooltips|map-panel|cite)|embed[\\/]options)\.ts/ }],
        },
      },
    },
  },
  test: {
    // Two workers on a two-core machine. Every group is CPU-bound, the browser files included:
    // measured by cgroup (cpuacct, which counts Chromium's renderers; a process's rusage does not),
    // the browser files use about 470 s of CPU, so two workers keep both cores busy, and four only
    // added contention (same wall time, 7 % more CPU). (The projects inherit this, so `--maxWorkers`
    // on the command line does not change it: edit it here.)
    maxWorkers: 2,
    // expect.poll waits for a page to reach a state; vitest's default gives up after 1 s whatever
    // the machine's load, which a busy machine can miss. Scaled like every budget: a passing poll
    // still resolves the moment its condition holds.
    expect: { poll: { timeout: budget(5_000) } },
    // The unit files share their workers' module cache (isolate: false): each file used to import
    // zod, Plot, d3 and linkedom again, which was most of the units' time. They keep no global
    // state between files (env changes are restored in the test that makes them).
    // CI reads the JSON report, not vitest's summary line (see .ci/run and scripts/test-suite.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    // Three groups in order: units (no build), then the checks that only read dist/ (a broken page
    // or link shows before any browser starts), then the browser files.
    // Those two projects share one production build (tests/support/global-setup.ts); `npm test`
    // runs the units in a process of their own first, so they never wait for it.
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          isolate: false,
          testTimeout: budget(5_000),
          hookTimeout: budget(10_000),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'dist',
          include: ['tests/dist-checks/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          isolate: false,
          testTimeout: budget(30_000),
          hookTimeout: budget(30_000),
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Like the units, the browser files share their workers' module cache: each file imported
          // the chart registry, the data loaders and the site renderer again. Every Chromium,
          // context and page still belongs to one file or one test (tests/support/browser.ts).
          isolate: false,
          testTimeout: budget(30_000),
          hookTimeout: budget(30_000),
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
