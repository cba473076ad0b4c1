import type { TestProject } from 'vitest/node';
import { buildSite, serveDist } from './server';

/** Build the site once and serve it for every browser test; returns the teardown. */
export default async function setup(project: TestProject) {
  await buildSite('dist');
  const served = await serveDist('dist');
  project.provide('baseUrl', served.url);
  return async () => {
    await served.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
