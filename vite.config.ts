import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { notFoundPagePlugin, sitePlugin } from './src/site/vite-plugin';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
        codeSplitting: { groups: [{ name: 'common', test: /src[\\/](figure[\\/](tooltips|map-panel|cite)|embed[\\/]options)\.ts/ }] },
      },
    },
  },
  test: {
    // Two workers on a two-core machine: Chromium, builds and the unit files share them.
    maxWorkers: 2,
    // Generous: a busy CI machine (npm run test:stress runs beside three CPU-bound processes) can
    // take several times as long as an idle one; conditions are awaited, never sleeps.
    testTimeout: 150_000,
    hookTimeout: 180_000,
    // CI reads the JSON report, not vitest's summary line (see .ci/run).
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    projects: [
      // Unit tests need no build: they render through the same functions the build calls.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Browser tests get one production build, served on a free loopback port.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'] } },
    ],
  },
});
