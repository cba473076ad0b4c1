#!/usr/bin/env node
// The system set-up step of `npm test` (package.json runs it before vitest).
//
// The tests need three things from Debian: the `chromium` browser, the `fonts-noto-cjk` fonts
// (Chinese glyphs in the browser), and a Java runtime, `default-jre-headless` (for the HTML checker).
// When one is missing, this installs it with apt-get (update first) if it can: as root, on Debian.
// When it cannot, it exits non-zero with one message naming the exact command to run, so that no
// test runs. Nothing is downloaded except Debian's packages. Plain JavaScript so that it starts in
// well under a second when everything is present (no TypeScript loader).
//
// Settings (environment):
//   GAOPING_CHROMIUM_PATH  the browser (default /usr/bin/chromium); tests/support/browser.ts reads it too
//   GAOPING_OS_RELEASE     the os-release file that says whether this is Debian (default /etc/os-release)
//   PATH                   where `fc-list`, `java`, `id` and `apt-get` are looked up, so a test can put
//                          fakes first (tests/unit/system-deps.test.ts runs this with fakes only)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The browser every test and script launches. */
export function chromiumPath(env = process.env) {
  return env.GAOPING_CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on env.PATH, or null. @param {string} name @param {NodeJS.ProcessEnv} env */
function which(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * What is missing, as Debian packages with the reason.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ pkg: string, why: string }[]}
 */
export function findMissing(env) {
  /** @type {{ pkg: string, why: string }[]} */
  const missing = [];
  const browser = chromiumPath(env);
  if (!isExecutable(browser)) missing.push({ pkg: 'chromium', why: `no browser at ${browser}` });

  const fcList = which('fc-list', env);
  if (!fcList) {
    missing.push({ pkg: 'fontconfig', why: 'no fc-list to find fonts with' });
    missing.push({ pkg: 'fonts-noto-cjk', why: 'no Noto Sans CJK font (fc-list missing)' });
  } else {
    const fonts = spawnSync(fcList, [':lang=zh', 'family'], { env, encoding: 'utf8' });
    if (fonts.status !== 0 || !/Noto Sans CJK/i.test(fonts.stdout)) {
      missing.push({ pkg: 'fonts-noto-cjk', why: 'no Noto Sans CJK font (fc-list :lang=zh)' });
    }
  }

  if (!which('java', env)) missing.push({ pkg: 'default-jre-headless', why: 'no java on PATH' });
  return missing;
}

/** @param {NodeJS.ProcessEnv} env */
function isRoot(env) {
  const id = which('id', env);
  if (!id) return false;
  const result = spawnSync(id, ['-u'], { env, encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === '0';
}

/** @param {NodeJS.ProcessEnv} env */
function isDebian(env) {
  try {
    const osRelease = readFileSync(env.GAOPING_OS_RELEASE || '/etc/os-release', 'utf8');
    return /^ID="?debian"?\s*$/m.test(osRelease);
  } catch {
    return false;
  }
}

/** @param {string[]} packages @param {boolean} sudo */
export function installCommand(packages, sudo) {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y ${packages.join(' ')}`;
}

/** @param {{ pkg: string, why: string }[]} missing */
function describe(missing) {
  return missing.map((m) => `${m.pkg} (${m.why})`).join(', ');
}

/**
 * The set-up step: returns the exit code; writes progress to stdout and the one message to stderr.
 * @param {NodeJS.ProcessEnv} env
 */
export function ensureSystemDeps(env = process.env) {
  const missing = findMissing(env);
  if (missing.length === 0) return 0;
  const packages = missing.map((m) => m.pkg);
  const root = isRoot(env);
  const aptGet = which('apt-get', env);
  const debian = isDebian(env);

  if (!root || !aptGet || !debian) {
    const reason =
      !debian || !aptGet
        ? 'This is not a Debian system with apt-get, so `npm test` cannot install them.'
        : 'Not running as root, so `npm test` cannot install them.';
    const elsewhere =
      !debian || !aptGet
        ? '\n(Elsewhere: install Chromium, the Noto Sans CJK fonts and a Java runtime by hand, and set GAOPING_CHROMIUM_PATH to the browser.)'
        : '';
    console.error(
      `System packages the tests need are missing: ${describe(missing)}.\n${reason} ` +
        `Run this, then \`npm test\` again:\n\n    ${installCommand(packages, !root)}\n${elsewhere}`,
    );
    return 1;
  }

  console.log(`Installing Debian packages the tests need: ${describe(missing)}.`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    const result = spawnSync(aptGet, args, { env: aptEnv, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(
        `\`apt-get ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}). ` +
          `Fix the cause above, or run this, then \`npm test\` again:\n\n    ${installCommand(packages, false)}\n`,
      );
      return 1;
    }
  }

  const still = findMissing(env);
  if (still.length > 0) {
    console.error(
      `apt-get installed ${packages.join(' ')}, but still missing: ${describe(still)}. ` +
        `Check GAOPING_CHROMIUM_PATH and PATH, then run \`npm test\` again.`,
    );
    return 1;
  }
  console.log('System packages installed.');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = ensureSystemDeps();
}
