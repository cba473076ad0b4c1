// The test run's one production build, started by scripts/test-suite.mjs beside the unit group so
// that the browser files need not wait for it afterwards. It builds exactly what
// tests/support/global-setup.ts would build (TEST_SITE_URL into dist/); the set-up uses it only when
// told this build succeeded in the same run (TEST_SITE_PREBUILT), and otherwise builds itself.
import { buildSite, TEST_SITE_URL } from './lib/site';

await buildSite('dist', { SITE_URL: TEST_SITE_URL });
