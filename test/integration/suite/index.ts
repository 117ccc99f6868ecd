// The mocha suite's entry inside the VS Code extension host (`extensionTestsPath` points at its
// compiled copy). VS Code calls run(); the test files beside it are loaded by mocha. The counts and
// each test's outcome go to a JSON file the harness outside reads, because the extension host's
// console is not the harness's terminal.
import { readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { DbarchApi } from '../../../src/extension/api';
import { EXTENSION_ID, metrics } from './helpers';

/** One test's outcome, as the harness prints it. */
interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

/** What the harness reads (scripts/vscode/run-integration.mjs, scripts/vscode/run-electron.mjs). */
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  activationMs: number | undefined;
  /** Timings the tests measured (milliseconds), by name. */
  metrics: Record<string, number>;
  vscodeVersion: string;
  tests: TestOutcome[];
}

export async function run(): Promise<void> {
  const resultsFile = process.env.DBARCH_TEST_RESULTS;
  // A test that waits on an event that never comes fails here rather than hanging the whole run.
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  await mocha.loadFilesAsync();

  console.log(`dbarch suite: extension host up ${(process.uptime()).toFixed(1)} s before the tests`);
  const tests: TestOutcome[] = [];
  const started = performance.now();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? String(error) }));
  });

  const api = vscode.extensions.getExtension<DbarchApi>(EXTENSION_ID)?.exports;
  const results: SuiteResults = {
    passed: tests.filter((test) => test.state === 'passed').length,
    // A failing hook fails no test by itself, so mocha's own count decides.
    failed: Math.max(failures, tests.filter((test) => test.state === 'failed').length),
    pending: tests.filter((test) => test.state === 'pending').length,
    durationMs: performance.now() - started,
    activationMs: api?.activationMs,
    metrics: metrics(),
    vscodeVersion: vscode.version,
    tests,
  };
  if (resultsFile) {
    // Written whole, then renamed: the harness never reads half a file.
    writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
    renameSync(`${resultsFile}.tmp`, resultsFile);
  }
  if (results.failed > 0) throw new Error(`${results.failed} integration tests failed`);
}
