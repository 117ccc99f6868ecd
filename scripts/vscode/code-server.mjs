// A private code-server for one test run: its own state under a temp folder, the .vsix that
// `npm run package` built installed into its own extensions folder, a free loopback port, and a stop()
// that always takes its whole process tree down. See shared/reference/REAL-VSCODE.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { codeServerEntry, codeServerInstalled, freePort, killGroup, manifest, node24, root, run, seconds } from './common.mjs';

/** Chromium flags that work on these machines (REAL-VSCODE.md, "Pitfalls seen"). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const CHROMIUM = '/usr/bin/chromium';

/** User settings that keep the workbench quiet: a Welcome or Chat pane made the first runs flaky. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  // VS Code in a browser saves after a delay by default; the desktop does not, and the tests revert
  // their unsaved edits so the next test sees the file as it is on disk.
  'files.autoSave': 'off',
  // Words of the open files would otherwise answer completion requests too, hiding whether dbarch did.
  'editor.wordBasedSuggestions': 'off',
};

/**
 * Starts code-server with `vsix` installed (`args`: more code-server options, such as `--locale ko`;
 * `settings`: user settings over USER_SETTINGS; `alsoInstall`: more .vsix files installed before it;
 * `beforeStart({ userData, extensions })`: called once they are installed, before the server starts).
 * Resolves when /healthz answers. The caller must call
 * stop() (a process 'exit' hook also kills it, so an exception cannot leave it running).
 */
export async function startCodeServer({ vsix: vsixFile, log = console.log, args = [], settings = {}, alsoInstall = [], beforeStart }) {
  const vsix = resolve(vsixFile);
  if (!codeServerInstalled()) throw new Error('code-server is not installed: run `node scripts/vscode/install-code-server.mjs` first');
  const runRoot = mkdtempSync(join(tmpdir(), 'dbarch-vscode-'));
  const dirs = { cfg: join(runRoot, 'cfg'), data: join(runRoot, 'data'), home: join(runRoot, 'home'), userData: join(runRoot, 'ud'), extensions: join(runRoot, 'exts') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2)}\n`);
  const resultsFile = join(runRoot, 'suite-results.json');
  const { version } = manifest();
  const env = {
    ...process.env,
    // Private state: nothing lands in the real home folder.
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.cfg,
    XDG_DATA_HOME: dirs.data,
    // Read by the suite inside the extension host, which inherits code-server's environment.
    DBARCH_TEST_RESULTS: resultsFile,
    DBARCH_EXTENSIONS_DIR: dirs.extensions,
    DBARCH_EXTENSION_VERSION: version,
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  let started = performance.now();
  for (const other of alsoInstall) {
    const installed = await run(node24, [codeServerEntry, ...common, '--install-extension', resolve(other)], { env, stdio: 'pipe', timeoutMs: 90_000 });
    if (installed.code !== 0) throw new Error(`installing ${other} into code-server failed (exit ${installed.code}):\n${installed.output}`);
  }
  const install = await run(node24, [codeServerEntry, ...common, '--install-extension', vsix], { env, stdio: 'pipe', timeoutMs: 90_000 });
  if (install.code !== 0 || !/successfully installed/i.test(install.output)) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${install.code}):\n${install.output}`);
  }
  log(`installed ${relative(root, vsix)} into code-server (${seconds(started)} s)`);

  await beforeStart?.({ userData: dirs.userData, extensions: dirs.extensions });
  const port = await freePort();
  const logFile = join(runRoot, 'code-server.log');
  const logStream = createWriteStream(logFile);
  started = performance.now();
  const child = spawn(
    node24,
    [
      codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...common,
      // A closed browser's extension host lives on for this long, waiting for the window to come back
      // (3 hours by default): the suite's would otherwise compete with the UI test for the CPU.
      '--reconnection-grace-time', '10',
      // Without it the workbench silently ignores the payload that carries extensionTestsPath.
      '--vscode-option', 'enable-smoke-test-driver',
      ...args,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const killOnExit = () => killGroup(child);
  process.on('exit', killOnExit);

  const url = `http://127.0.0.1:${port}`;
  const server = {
    url,
    port,
    runRoot,
    extensionsDir: dirs.extensions,
    resultsFile,
    logFile,
    /** A fresh copy of test/integration/workspace for one client (the suite and the UI test each get one). */
    workspace(name) {
      const folder = join(runRoot, name);
      cpSync(join(root, 'test', 'integration', 'workspace'), folder, { recursive: true });
      return folder;
    },
    /** The last lines of code-server's log, for a failure report. */
    logTail(lines = 40) {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
    async stop({ keep = false } = {}) {
      killGroup(child);
      process.off('exit', killOnExit);
      logStream.end();
      if (!keep) rmSync(runRoot, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(url, child, 30_000);
  } catch (error) {
    await server.stop({ keep: true });
    throw new Error(`${error.message}\n${server.logTail()}`);
  }
  log(`code-server ${url} ready (${seconds(started)} s)`);
  return server;
}

/** Polls GET /healthz until it answers 200, the server dies, or the time is up. */
async function waitForHealth(url, child, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/** The workbench URL that opens `folder` (and, with `payload`, runs extension tests in it). */
export function workbenchUrl(server, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/** A `vscode-remote://` URI for a path on this machine, as the workbench in the browser names it. */
export function remoteUri(server, path) {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}

/**
 * Options for startCodeServer that run VS Code in Korean (`--locale ko`). VS Code runs in a language
 * only when a language pack declares it, and the Marketplace's Korean pack cannot be downloaded here:
 * test/ui/language-pack-ko declares Korean without translating VS Code itself (its menus stay English;
 * everything dbarch shows is Korean). VS Code finds packs through `languagepacks.json` in the user data
 * folder, which it writes only when asked for the list of languages, so the entry is written here.
 */
export function koreanOptions() {
  const pack = join(mkdtempSync(join(tmpdir(), 'dbarch-ko-')), 'language-pack-ko.vsix');
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', pack], { cwd: join(root, 'test', 'ui', 'language-pack-ko'), encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`packaging the Korean language identity failed:\n${packed.stdout}${packed.stderr}`);
  return {
    args: ['--locale', 'ko'],
    alsoInstall: [pack],
    beforeStart({ userData, extensions }) {
      const folder = readdirSync(extensions).find((entry) => entry.startsWith('dbarch-test.language-pack-ko-test-'));
      if (!folder) throw new Error(`the Korean language identity is not in ${extensions}`);
      const entry = {
        hash: 'dbarch-test-ko',
        extensions: [{ extensionIdentifier: { id: 'dbarch-test.language-pack-ko-test' }, version: '0.0.1' }],
        translations: { vscode: join(extensions, folder, 'translations', 'main.i18n.json') },
        label: '한국어',
      };
      writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ ko: entry }));
    },
  };
}
