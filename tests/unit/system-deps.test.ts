import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../../scripts/ensure-system-deps.mjs';

// `npm test`'s set-up step, run as a child process against a fake system: PATH holds only fake
// `id`, `fc-list`, `java` and `apt-get` (small Node scripts), the browser path points into a temp
// folder, and the os-release file is a fixture. The real apt-get can never be reached from here.

const SCRIPT = resolve('scripts/ensure-system-deps.mjs');

const FAKE_APT_GET = `
const fs = require('node:fs'), path = require('node:path');
const args = process.argv.slice(2), env = process.env;
fs.appendFileSync(path.join(env.FAKE_STATE, 'apt.log'), JSON.stringify({ args, frontend: env.DEBIAN_FRONTEND ?? null }) + '\\n');
if (env.FAKE_APT_FAIL) process.exit(100);
if (args[0] === 'install' && !env.FAKE_APT_NOOP) {
  const exe = (file, code) => fs.writeFileSync(file, code, { mode: 0o755 });
  for (const pkg of args.slice(1).filter((a) => !a.startsWith('-'))) {
    if (pkg === 'chromium') { fs.mkdirSync(path.dirname(env.GAOPING_CHROMIUM_PATH), { recursive: true }); exe(env.GAOPING_CHROMIUM_PATH, '#!/bin/sh\\n'); }
    else if (pkg === 'fonts-noto-cjk') fs.writeFileSync(path.join(env.FAKE_STATE, 'fonts'), '');
    else if (pkg === 'default-jre-headless') exe(path.join(env.FAKE_BIN, 'java'), '#!/bin/sh\\n');
    else if (pkg === 'fontconfig') fs.copyFileSync(path.join(env.FAKE_STATE, 'fc-list.js'), path.join(env.FAKE_BIN, 'fc-list'));
    else { console.error('E: Unable to locate package ' + pkg); process.exit(100); }
  }
}
`;
const FAKE_FC_LIST = `
const fs = require('node:fs'), path = require('node:path');
if (fs.existsSync(path.join(process.env.FAKE_STATE, 'fonts'))) console.log('Noto Sans CJK SC\\nNoto Serif CJK SC');
else console.log('DejaVu Sans');
`;
const FAKE_ID = `if (process.argv[2] !== '-u') process.exit(1); console.log(process.env.FAKE_UID);`;
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'PRETTY_NAME="Ubuntu 24.04 LTS"\nID=ubuntu\nID_LIKE=debian\n';

interface Fake {
  uid?: number;
  browser?: boolean;
  fonts?: boolean;
  fcList?: boolean;
  java?: boolean;
  aptGet?: boolean;
  osRelease?: string;
  aptFails?: boolean;
  aptDelivers?: boolean;
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gaoping-system-deps-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function run(fake: Fake) {
  const bin = join(root, 'bin');
  const state = join(root, 'state');
  const browser = join(root, 'missing-browser', 'chromium');
  mkdirSync(bin);
  mkdirSync(state);
  const node = (code: string) => `#!${process.execPath}\n${code}`;
  const exe = (file: string, text: string) => {
    writeFileSync(file, text);
    chmodSync(file, 0o755);
  };
  writeFileSync(join(state, 'fc-list.js'), node(FAKE_FC_LIST), { mode: 0o755 });
  exe(join(bin, 'id'), node(FAKE_ID));
  if (fake.fcList ?? true) exe(join(bin, 'fc-list'), node(FAKE_FC_LIST));
  if (fake.aptGet ?? true) exe(join(bin, 'apt-get'), node(FAKE_APT_GET));
  if (fake.java) exe(join(bin, 'java'), '#!/bin/sh\n');
  if (fake.fonts) writeFileSync(join(state, 'fonts'), '');
  if (fake.browser) {
    mkdirSync(join(root, 'missing-browser'));
    exe(browser, '#!/bin/sh\n');
  }
  writeFileSync(join(state, 'os-release'), fake.osRelease ?? DEBIAN);

  const env: Record<string, string> = {
    PATH: bin, // only the fakes: nothing on the real system can be called
    GAOPING_CHROMIUM_PATH: browser,
    GAOPING_OS_RELEASE: join(state, 'os-release'),
    FAKE_STATE: state,
    FAKE_BIN: bin,
    FAKE_UID: String(fake.uid ?? 0),
  };
  if (fake.aptFails) env.FAKE_APT_FAIL = '1';
  if (fake.aptDelivers === false) env.FAKE_APT_NOOP = '1';
  const result = spawnSync(process.execPath, [SCRIPT], { env, encoding: 'utf8' });
  const log = join(state, 'apt.log');
  const aptCalls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { args: string[]; frontend: string | null })
    : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, aptCalls, browser, bin };
}

describe('npm test set-up step (scripts/ensure-system-deps.mjs)', () => {
  it('does nothing when chromium, the CJK fonts and java are present', () => {
    const r = run({ browser: true, fonts: true, java: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.aptCalls).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('as root on Debian, installs a missing browser with apt-get update, then install', () => {
    const r = run({ browser: false, fonts: true, java: true });
    expect(r.aptCalls).toEqual([
      { args: ['update'], frontend: 'noninteractive' },
      { args: ['install', '-y', 'chromium'], frontend: 'noninteractive' },
    ]);
    expect(existsSync(r.browser)).toBe(true);
    expect(r.stdout).toContain(`Installing Debian packages the tests need: chromium (no browser at ${r.browser})`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('as root, installs everything that is missing in one apt-get install', () => {
    const r = run({ browser: false, fonts: false, java: false });
    expect(r.aptCalls.map((c) => c.args)).toEqual([
      ['update'],
      ['install', '-y', 'chromium', 'fonts-noto-cjk', 'default-jre-headless'],
    ]);
    expect(r.status).toBe(0);
    expect(existsSync(join(r.bin, 'java'))).toBe(true);
  });

  it('as root, without fc-list, installs fontconfig with the fonts', () => {
    const r = run({ browser: true, fcList: false, java: true });
    expect(r.aptCalls.map((c) => c.args)).toEqual([['update'], ['install', '-y', 'fontconfig', 'fonts-noto-cjk']]);
    expect(r.status).toBe(0);
  });

  it('when not root, stops with one message naming the exact command, and installs nothing', () => {
    const r = run({ uid: 1000, browser: false, fonts: false, java: true });
    expect(r.status).toBe(1);
    expect(r.aptCalls).toEqual([]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `System packages the tests need are missing: chromium (no browser at ${r.browser}), ` +
        'fonts-noto-cjk (no Noto Sans CJK font (fc-list :lang=zh)).\n' +
        'Not running as root, so `npm test` cannot install them. Run this, then `npm test` again:\n\n' +
        '    sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n\n',
    );
  });

  it('as root without apt-get, stops with the message and the command', () => {
    const r = run({ aptGet: false, browser: false, fonts: true, java: false });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `System packages the tests need are missing: chromium (no browser at ${r.browser}), ` +
        'default-jre-headless (no java on PATH).\n' +
        'This is not a Debian system with apt-get, so `npm test` cannot install them. Run this, then `npm test` again:\n\n' +
        '    apt-get update && apt-get install -y chromium default-jre-headless\n\n' +
        '(Elsewhere: install Chromium, the Noto Sans CJK fonts and a Java runtime by hand, and set GAOPING_CHROMIUM_PATH to the browser.)\n',
    );
  });

  it("on a system that is not Debian (its chromium package is not Debian's), does not call apt-get", () => {
    const r = run({ osRelease: UBUNTU, browser: false, fonts: true, java: true });
    expect(r.status).toBe(1);
    expect(r.aptCalls).toEqual([]);
    expect(r.stderr).toContain('This is not a Debian system with apt-get');
    expect(r.stderr).toContain('\n    apt-get update && apt-get install -y chromium\n');
  });

  it('stops when apt-get update fails, without trying to install', () => {
    const r = run({ aptFails: true, browser: false, fonts: true, java: true });
    expect(r.status).toBe(1);
    expect(r.aptCalls.map((c) => c.args)).toEqual([['update']]);
    expect(r.stderr).toBe(
      '`apt-get update` failed (exit 100). Fix the cause above, or run this, then `npm test` again:\n\n' +
        '    apt-get update && apt-get install -y chromium\n\n',
    );
  });

  it('stops when apt-get succeeds but the browser is still not at GAOPING_CHROMIUM_PATH', () => {
    const r = run({ aptDelivers: false, browser: false, fonts: true, java: true });
    expect(r.status).toBe(1);
    expect(r.aptCalls.map((c) => c.args)).toEqual([['update'], ['install', '-y', 'chromium']]);
    expect(r.stderr).toContain(`still missing: chromium (no browser at ${r.browser})`);
  });
});

describe('wiring', () => {
  it('npm test and test:unit run the set-up step before vitest, so nothing runs when it fails', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toBe('node scripts/ensure-system-deps.mjs && node scripts/test-suite.mjs');
    expect(pkg.scripts['test:unit']).toMatch(/^node scripts\/ensure-system-deps\.mjs && .*vitest run --project unit$/);
    expect(pkg.scripts.dev).not.toContain('ensure-system-deps');
  });

  it('the browser harness launches the browser the set-up step checks (GAOPING_CHROMIUM_PATH)', async () => {
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    vi.stubEnv('GAOPING_CHROMIUM_PATH', '/nowhere/chromium');
    vi.resetModules();
    try {
      const { CHROMIUM_PATH } = await import('../support/browser');
      expect(CHROMIUM_PATH).toBe('/nowhere/chromium');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
