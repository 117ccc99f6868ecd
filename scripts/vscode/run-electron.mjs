// Runs the same mocha suite as run-integration.mjs in VS Code desktop (Electron) through
// @vscode/test-electron, for machines that can download VS Code (a developer's laptop, a hosted CI;
// on Linux without a display, under `xvfb-run -a`). Where VS Code cannot be downloaded (these
// machines), it says so and exits 0: `npm run test:integration` runs the suite in code-server there.
//
//   node scripts/vscode/run-electron.mjs [--vsix FILE] [--vscode-version stable|insiders|1.x.y]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { buildSuite, manifest, root, scratch, seconds, vsixPath } from './common.mjs';
import { USER_SETTINGS } from './code-server.mjs';

const DOWNLOAD_TIMEOUT_MS = 180_000;

const { values: options } = parseArgs({ options: { vsix: { type: 'string' }, 'vscode-version': { type: 'string', default: 'stable' } } });
const vsix = options.vsix ?? vsixPath();
if (!existsSync(vsix)) fail(`${vsix} does not exist: run \`npm run package\` first`);
const started = performance.now();

let executable;
try {
  // test-electron's own timeout is an idle timeout per request; ours bounds the whole download.
  executable = await Promise.race([
    downloadAndUnzipVSCode({ version: options['vscode-version'], cachePath: join(scratch, 'electron'), timeout: 15_000 }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no VS Code after ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS).unref()),
  ]);
} catch (error) {
  console.log(`test:electron: skipped: VS Code ${options['vscode-version']} could not be downloaded on this machine (${error.message.split('\n')[0]}).`);
  console.log('Run it where VS Code can be downloaded; here, `npm run test:integration` runs the same suite in code-server.');
  process.exit(0);
}
console.log(`VS Code at ${executable} (${seconds(started)} s)`);

const suite = await buildSuite();
const runRoot = mkdtempSync(join(tmpdir(), 'dbarch-electron-'));
const userData = join(runRoot, 'ud');
const extensions = join(runRoot, 'exts');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(extensions, { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
const workspace = join(runRoot, 'suite-workspace');
cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
const resultsFile = join(runRoot, 'suite-results.json');
const profile = ['--user-data-dir', userData, '--extensions-dir', extensions];

let exitCode = 1;
try {
  // The .vsix, installed as a user would, so what is tested is what ships.
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true });
  const install = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);

  const code = await runTests({
    vscodeExecutablePath: executable,
    // Required by VS Code to run tests; the compiled suite's folder is an empty extension, so dbarch
    // runs from the installed .vsix.
    extensionDevelopmentPath: suite.outDir,
    extensionTestsPath: suite.index,
    extensionTestsEnv: { DBARCH_TEST_RESULTS: resultsFile, DBARCH_EXTENSIONS_DIR: extensions, DBARCH_EXTENSION_VERSION: manifest().version },
    launchArgs: [workspace, ...profile, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  }).catch((error) => (typeof error?.code === 'number' ? error.code : 1));

  if (!existsSync(resultsFile)) throw new Error(`VS Code exited with ${code} before the suite wrote its results`);
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(`\nintegration suite in VS Code ${results.vscodeVersion} (Electron)`);
  for (const test of results.tests) {
    console.log(`  ${{ passed: '✔', failed: '✖', pending: '-' }[test.state]} ${test.title} (${Math.round(test.durationMs)} ms)`);
    if (test.error) console.log(test.error.replace(/^/gm, '      '));
  }
  for (const [name, ms] of Object.entries(results.metrics ?? {})) console.log(`${name}: ${Math.round(ms)} ms`);
  console.log(`activation: ${results.activationMs?.toFixed(1) ?? 'unknown'} ms (the extension's own measurement)`);
  console.log(`electron: ${results.passed} passed, ${results.failed} failed (${seconds(started)} s)`);
  exitCode = results.failed === 0 && results.passed > 0 && code === 0 ? 0 : 1;
} catch (error) {
  console.error(`run-electron: ${error.stack ?? error}`);
} finally {
  rmSync(runRoot, { recursive: true, force: true });
}
process.exit(exitCode);

function fail(message) {
  console.error(`run-electron: ${message}`);
  process.exit(1);
}
