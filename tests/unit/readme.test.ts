import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDataset, loadCheckedLedger } from '../../src/data/load-node';

const readme = readFileSync('README.md', 'utf8');
const ciScript = readFileSync('.ci/run', 'utf8');

describe('README stays true', () => {
  it('has a Quick start of two commands, and .ci/run runs the test one exactly', () => {
    const quickStart = readme.split(/^## Quick start/m)[1]!.split(/^## /m)[0]!;
    const commands = [...quickStart.matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]!.trim());
    expect(commands).toHaveLength(2);
    const testCommand = commands.find((c) => /npm test$/.test(c));
    expect(testCommand).toBeDefined();
    const ciLines = ciScript.split('\n').map((l) => l.trim());
    expect(ciLines).toContain(testCommand);
  });

  it('.ci/run installs nothing of its own: the README\'s test command does all the set-up', () => {
    const code = ciScript.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
    expect(code).not.toMatch(/apt-get|apt install|dpkg|\bcurl\b|\bwget\b|npx playwright install/);
  });

  it('states the dataset counts that the data has', () => {
    const dataset = loadDataset();
    const pairs = dataset.metrics.filter((m) => m.actual2024 && m.target2025);
    const counts = readme.match(/(\d+) metrics: (\d+) with both a 2024 result and a 2025 target \((\d+) comparable, (\d+) not, (\d+) different scope, (\d+) scope unclear\),\s+(\d+) with a 2024 result only and (\d+) with a 2025 target only/);
    expect(counts).not.toBeNull();
    expect(counts!.slice(1).map(Number)).toEqual([
      dataset.metrics.length,
      pairs.length,
      pairs.filter((m) => m.comparability === 'comparable').length,
      pairs.filter((m) => m.comparability === 'not-comparable').length,
      pairs.filter((m) => m.comparability === 'different-scope').length,
      pairs.filter((m) => m.comparability === 'scope-unclear').length,
      dataset.metrics.filter((m) => m.actual2024 && !m.target2025).length,
      dataset.metrics.filter((m) => !m.actual2024 && m.target2025).length,
    ]);
  });

  it('states the ledger counts that the data has', () => {
    const { raw, coverage } = loadCheckedLedger();
    const kinds = coverage.recordsByKind;
    const counts = readme.match(/(\d+) records \((\d+) results, (\d+) targets, (\d+) counts, (\d+) rankings\)\. The report has (\d+) numeric\s+tokens, all accounted for: (\d+) as records, the rest excluded with a reason; (\d+) of its (\d+)\s+quantities/);
    expect(counts).not.toBeNull();
    expect(counts!.slice(1).map(Number)).toEqual([
      raw.records.length, kinds.result, kinds.target, kinds.count, kinds.ranking,
      coverage.tokens, coverage.asRecords, coverage.asRecords, coverage.quantities,
    ]);
  });
});
