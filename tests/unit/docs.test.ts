import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeScale } from '../../scripts/lib/time-scale';
import { blocksOf, docFiles, fillBlocks } from '../../scripts/lib/docs/markers';
import { GENERATORS } from '../../scripts/lib/docs/blocks';
import { loadCheckedLedger, loadDataset } from '../../src/data/load-node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const files = docFiles(ROOT).filter((file) => existsSync(join(ROOT, file)));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const memo = new Map<string, string>();
const generate = (name: string) => {
  if (!GENERATORS[name]) return undefined;
  if (!memo.has(name)) memo.set(name, GENERATORS[name]!());
  return memo.get(name);
};

describe('generated blocks in the docs', () => {
  it('equal what npm run docs makes from the code (run npm run docs when this fails)', () => {
    const stale = files.filter((file) => fillBlocks(read(file), file, generate) !== read(file));
    expect(stale).toEqual([]);
  });

  it('exist, and a block edited by hand is caught', () => {
    const withBlocks = files.filter((file) => blocksOf(read(file), file).length > 0);
    expect(withBlocks).toEqual(expect.arrayContaining(['README.md', 'docs/data.md', 'CONTRIBUTING.md']));
    const readme = read('README.md');
    const edited = readme.replace(/(<!-- generated:summary -->\n)\d+/, '$1999999');
    expect(edited).not.toBe(readme);
    expect(fillBlocks(edited, 'README.md', generate)).toBe(readme);
  });

  it('refuse a block no generator makes, and an opening marker without its closing one', () => {
    expect(() =>
      fillBlocks('<!-- generated:nothing-makes-this -->\n<!-- /generated:nothing-makes-this -->', 'x.md', generate),
    ).toThrow(/no generator/);
    expect(() => fillBlocks('<!-- generated:summary -->\ntext', 'x.md', generate)).toThrow(/no matching/);
  });
});

describe('docs/data.md states the counts the data has', () => {
  const counts = read('docs/data.md');

  it('metrics and pairs, by comparability', () => {
    const dataset = loadDataset();
    const pairs = dataset.metrics.filter((m) => m.actual2024 && m.target2025);
    const states = [...new Set(pairs.map((m) => String(m.comparability)))];
    const line = counts.split('\n').find((l) => l.startsWith('- **Metrics:**'));
    expect(line).toBeDefined();
    expect(line).toContain(`**Metrics:** ${dataset.metrics.length}: ${pairs.length} pairs`);
    for (const state of states)
      expect(line).toContain(`${pairs.filter((m) => String(m.comparability) === state).length} ${state}`);
    expect(line).toContain(
      `${dataset.metrics.filter((m) => m.actual2024 && !m.target2025).length} with a 2024 result only`,
    );
    expect(line).toContain(
      `${dataset.metrics.filter((m) => !m.actual2024 && m.target2025).length} with a 2025 target only`,
    );
  });

  it("records by kind, and the ledger's coverage of the report", () => {
    const { raw, coverage } = loadCheckedLedger();
    const records = counts.split('\n').find((l) => l.startsWith('- **Records:**'));
    expect(records).toContain(`**Records:** ${raw.records.length} (`);
    for (const [kind, n] of Object.entries(coverage.recordsByKind)) expect(records).toContain(`${n} ${kind}`);
    const ledger = counts.split('\n').find((l) => l.startsWith('- **Ledger:**'));
    expect(ledger).toContain(
      `the report has ${coverage.tokens} numeric tokens, all accounted for: ${coverage.asRecords} as records`,
    );
    expect(ledger).toContain(`${coverage.asRecords} of its ${coverage.quantities} quantities`);
  });
});

/** Commands in fenced blocks opened with ```sh runnable. */
function runnableBlocks(): Array<{ file: string; command: string }> {
  return files.flatMap((file) =>
    [...read(file).matchAll(/^```sh runnable\n([\s\S]*?)^```$/gm)].map((m) => ({ file, command: m[1]!.trim() })),
  );
}

describe('commands in the docs', () => {
  const blocks = runnableBlocks();
  const commands = [...new Set(blocks.map((block) => block.command))];

  it('are marked runnable somewhere, so this test runs something', () => {
    expect(commands.length).toBeGreaterThan(0);
  });

  /** Each command is a process of its own (a tsx start-up at least): a named budget longer than a unit's 5 s. */
  const COMMAND_BUDGET_MS = 30_000 * timeScale();

  it.each(commands)(
    '`%s` runs from the repository root and exits 0',
    (command) => {
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', command], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      // On failure the report shows what the command printed.
      expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({
        status: 0,
        output: '',
      });
    },
    COMMAND_BUDGET_MS,
  );
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (text: string) =>
  new Set(
    text
      .replace(/^```[\s\S]*?^```$/gm, '')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, ''))),
  );

describe('links between the docs', () => {
  it('resolve: every relative link names a file that exists, and an anchor that its headings make', () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = read(file).replace(/^```[\s\S]*?^```$/gm, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        const resolved = path === '' ? file : normalize(join(dirname(file), path));
        if (!existsSync(join(ROOT, resolved))) {
          broken.push(`${file}: ${target} (no file ${resolved})`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor))
          broken.push(`${file}: ${target} (no heading makes #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('name only files and folders of the repository that exist (the changelog aside: it names old ones)', () => {
    const missing: string[] = [];
    for (const file of files.filter((name) => name !== 'CHANGELOG.md')) {
      for (const [, path] of read(file).matchAll(/`((?:src|tests|scripts|data|docs)\/[\w./-]*)`/g)) {
        if (!existsSync(join(ROOT, path!))) missing.push(`${file}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the README is one screen (at most 6,000 bytes) and links every page of docs/', () => {
    const readme = read('README.md');
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(6000);
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(0);
    const missing = pages.filter((page) => !readme.includes(`](docs/${page}`));
    expect(missing).toEqual([]);
    expect(readme).toContain('](CONTRIBUTING.md)');
  });

  it('docs/architecture.md has a row for every folder of src/', () => {
    const architecture = read('docs/architecture.md');
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((folder) => !architecture.includes(`| \`src/${folder}/\` |`))).toEqual([]);
  });
});
