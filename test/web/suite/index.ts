/// <reference types="mocha" />
// The web suite's entry inside VS Code's web extension host: @vscode/test-web's extensionTestsPath names
// its bundle (scripts/vscode/run-web.mjs builds it for the browser, with the test files in it). VS Code
// calls run(); the counts and each test's outcome go to the harness, which prints them.
import * as vscode from 'vscode';
import type { DbarchApi } from '../../../src/extension/api';
import { harnessUrl, log, post } from './harness';
import { EXTENSION_ID } from '../../integration/suite/helpers';

/** One test's outcome, as the harness prints it. */
interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

/** What the harness reads (scripts/vscode/run-web.mjs). */
export interface WebSuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  activationMs: number | undefined;
  vscodeVersion: string;
  tests: TestOutcome[];
}

export async function run(): Promise<void> {
  // mocha's browser build (it runs in a web worker) puts `mocha`, `describe`, `it`... on globalThis.
  require('mocha/mocha.js');
  // A test that waits on an event that never comes fails here rather than hanging the whole run.
  mocha.setup({ ui: 'bdd', timeout: 20_000, color: false, reporter: SilentReporter as unknown as string });
  // The test files call describe() as they load, so they load after setup (esbuild bundles them and
  // runs each on its require).
  require('./web.test');

  const tests: TestOutcome[] = [];
  const started = performance.now();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => {
      tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      log(`✔ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.on('fail', (test, error: Error) => {
      tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? String(error) });
      log(`✖ ${test.fullTitle()}: ${error.message}`);
    });
  });

  const api = vscode.extensions.getExtension<DbarchApi>(EXTENSION_ID)?.exports;
  const results: WebSuiteResults = {
    passed: tests.filter((test) => test.state === 'passed').length,
    // A failing hook fails no test by itself, so mocha's own count decides.
    failed: Math.max(failures, tests.filter((test) => test.state === 'failed').length),
    pending: tests.filter((test) => test.state === 'pending').length,
    durationMs: performance.now() - started,
    activationMs: api?.activationMs,
    vscodeVersion: vscode.version,
    tests,
  };
  if (harnessUrl()) await post('/results', results);
  if (results.failed > 0) throw new Error(`${results.failed} web tests failed`);
}

/** mocha's reporters write to a terminal the worker does not have; run() reports through the harness. */
class SilentReporter {
  constructor(_runner: Mocha.Runner) {}
}
