import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { site } from '../support/site';

/** Every HTML file of the build, as a reader or an editor's iframe gets it. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('valid HTML', () => {
  it("the W3C Nu HTML checker (vnu-jar, on Debian's Java) reports no error on any page in dist/", () => {
    const jar = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
    const files = htmlFiles(site.distDir);
    expect(files.length).toBeGreaterThan(20);
    // vnu writes its JSON report to stderr, and exits non-zero when it finds errors.
    const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    expect(run.error, 'java could not be started (npm test installs default-jre-headless)').toBeUndefined();
    const parsed = JSON.parse(run.stderr) as {
      version?: string;
      messages: Array<{ url: string; message: string; extract?: string }>;
    };
    expect(parsed.version, 'the checker ran').toBeTruthy();
    const messages = parsed.messages;
    expect(
      messages.map((m) => `${m.url.replace(/^.*\/dist\//, 'dist/')}: ${m.message} [${(m.extract ?? '').slice(0, 60)}]`),
    ).toEqual([]);
  });
});
