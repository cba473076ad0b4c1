import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const ciScript = readFileSync('.ci/run', 'utf8');

describe('README stays true', () => {
  it('has a Quick start whose test command is exactly what .ci/run runs, beside the run and build commands', () => {
    const quickStart = readme.split(/^## Quick start/m)[1]!.split(/^## /m)[0]!;
    const commands = [...quickStart.matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]!.trim());
    expect(commands).toContain('npm ci && npm run dev');
    expect(commands).toContain('npm run build && npm run preview');
    const testCommand = commands.find((c) => /npm test$/.test(c));
    expect(testCommand).toBeDefined();
    const ciLines = ciScript.split('\n').map((l) => l.trim());
    expect(ciLines).toContain(testCommand);
  });

  it(".ci/run installs nothing of its own: the README's test command does all the set-up", () => {
    const code = ciScript
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join('\n');
    expect(code).not.toMatch(/apt-get|apt install|dpkg|\bcurl\b|\bwget\b|npx playwright install/);
  });

  it('every command in the Quick start is an npm script that package.json defines', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const quickStart = readme.split(/^## Quick start/m)[1]!.split(/^## /m)[0]!;
    const used = [...quickStart.matchAll(/npm (?:run )?([a-z:]+)/g)].map((m) => m[1]!).filter((name) => name !== 'ci');
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});
