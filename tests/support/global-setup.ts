import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { buildSite, ROOT, TEST_SITE_URL } from '../../scripts/lib/site';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import { timeScale } from '../../scripts/lib/time-scale';

/**
 * The one production build of a test run, made as it is published: SITE_URL under a subpath, and
 * dist/ served under that same path by a static host that answers unknown paths with the 404 page.
 * Every page links relatively, so the browser tests, the 404 tests and the publish crawl all use it.
 */
export const PUBLIC_SITE_URL = TEST_SITE_URL;
const BASE_PATH = new URL(PUBLIC_SITE_URL).pathname;
export const DIST = join(ROOT, 'dist');

/**
 * The suite's one long budget: the production build (about a minute idle, with 104 images), scaled
 * like every budget (scripts/lib/time-scale.ts). Past it the set-up fails, naming the build.
 */
export const BUILD_BUDGET_MS = 180_000 * timeScale();

async function withinBudget<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took longer than its budget of ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

interface SharedSite {
  served: StaticServer;
  users: number;
}

/**
 * The dist and browser projects both name this set-up; in one vitest process they share one build
 * (the set-up runs in the main process, so a process-wide promise holds it).
 */
const shared = globalThis as typeof globalThis & { __gaopingSite?: Promise<SharedSite> };

/**
 * `npm test` (scripts/test-suite.mjs) builds the site beside the unit group and sets this only when
 * that build exited 0 in the same run; anything else (a plain `vitest run`, a failed build) builds
 * here, where a failure is reported by vitest.
 */
const builtBeforehand = () => process.env.TEST_SITE_PREBUILT === '1';

async function buildAndServe(): Promise<SharedSite> {
  if (!builtBeforehand())
    await withinBudget(
      buildSite('dist', { SITE_URL: PUBLIC_SITE_URL }),
      BUILD_BUDGET_MS,
      'the production build of the test run',
    );
  const served = await serveStatic([{ prefix: BASE_PATH, dir: DIST }], join(DIST, '404.html'));
  return { served, users: 0 };
}

export default async function setup(project: TestProject) {
  shared.__gaopingSite ??= buildAndServe();
  const site = await shared.__gaopingSite;
  site.users += 1;
  const origin = site.served.url.replace(/\/$/, '');
  project.provide('baseUrl', `${origin}${BASE_PATH}`);
  project.provide('origin', origin);
  project.provide('siteUrl', PUBLIC_SITE_URL);
  project.provide('distDir', DIST);
  return async () => {
    site.users -= 1;
    if (site.users > 0) return;
    delete shared.__gaopingSite;
    await site.served.teardown();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served, e.g. http://127.0.0.1:PORT/graphics/gaoping/ */
    baseUrl: string;
    /** The local server's origin (paths outside the site answer 404 there). */
    origin: string;
    /** SITE_URL of the build: the public address baked into share tags, oEmbed and embed codes. */
    siteUrl: string;
    /** The built dist/ folder. */
    distDir: string;
  }
}
