import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The run's one build (tests/support/global-setup.ts): where it is served, its public address, its files. */
export const site = {
  baseUrl: inject('baseUrl'),
  origin: inject('origin'),
  siteUrl: inject('siteUrl'),
  distDir: inject('distDir'),
};

/** A built file's text. */
export const distText = (path: string) => readFileSync(join(site.distDir, path), 'utf8');
