// The `dbarch` command: lint architecture files, print their diagram, explain a rule.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig, type LintConfig } from '../core/config';
import { ENVIRONMENTS, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, SYNTAX_RULE_ID, type Environment, type Finding } from '../core/findings';
import { applyEdits, nonOverlappingEdits } from '../core/fixes';
import { lint, type LintResult } from '../core/lint';
import { renderDiagram, type DiagramDirection, type DiagramView } from '../core/mermaid';
import { buildPreview } from '../core/preview';
import { previewPage, standaloneCsp } from '../core/preview-page';
import type { Topology } from '../core/topology/topology';
import { rules } from '../core/rules';
import { configureL10n } from '../core/l10n';
import * as l10n from '../core/l10n';
import { closest } from '../core/text';
import { parseArgs, UsageError, type FlagSpec } from './args';
import { runCapacity } from './capacity';
import { runSimulate } from './simulate';
import { chooseLocale, readBundle } from './locale';
import { collectFiles, display, findConfigFile, readArchitecture, readText } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileReport, FormatContext } from './formatters/types';

/** Where the CLI's streams go; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  /** The environment the locale is read from (LC_ALL, LC_MESSAGES, LANG); none: English. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The installed package's root: the nearest folder above this module with dbarch's package.json. */
const packageRoot = findPackageRoot(__dirname);

const version = readPackageVersion();

/**
 * The `--help` text, in the chosen language: built when shown, after `--locale` is read. One message per
 * group of lines, so a translation keeps each command's flags together and can align its own columns.
 */
function help(): string {
  return (
    [
      l10n.t('dbarch {version}: AWS database architectures as code', { version }),
      '',
      l10n.t`Usage:`,
      l10n.t(`  dbarch lint [paths or globs...]   lint architecture files (directories are searched for *.dbarch.{yaml,yml,json})
      --format stylish|json|sarif   output format (default stylish)
      --config FILE                 use this configuration instead of the nearest .dbarch.json
      --environment ENV             lint as production, staging, development or test
      --max-warnings N              exit 1 when there are more than N warnings
      --fix                         apply the mechanical fixes and write the files`),
      l10n.t(`  dbarch diagram FILE               print the Mermaid diagram of the file's topology
      --format mermaid|html         Mermaid text (default) or a page that draws it offline
      --html FILE                   write the page to FILE (same as --format html --out FILE)
      --out FILE                    write to FILE instead of standard output
      --direction LR|TB|RL|BT       layout direction (default LR)
      --region REGION               draw one Region and what connects to it
      --database NAME               draw one database and what connects to it`),
      l10n.t(`  dbarch capacity FILE              DynamoDB RCU/WCU and partitions, Aurora Serverless memory, replicas against limits
      --format table|json           output format (default table)`),
      l10n.t(`  dbarch simulate FILE              what a failure does to each database: state, reads, writes, RTO, RPO, what to change
      --fail-az AZ                  lose one Availability Zone the file uses
      --fail-region REGION          lose one Region
      --fail-node NAME              lose one database's primary, or one replica or instance
      --all-azs                     lose each AZ in turn and report the worst case per database
      --format table|json           output format (default table); exit status 0 whatever it finds`),
      l10n.t`  dbarch explain [RULE]             print a rule's documentation (without RULE: list the rules)`,
      l10n.t(`  dbarch --help | --version
      --locale en|ko                (any command) messages in English or Korean; default from LC_ALL, LC_MESSAGES or LANG`),
      '',
      l10n.t`Exit status: 0 no errors; 1 errors found (or too many warnings); 2 bad usage or an unreadable file.`,
    ].join('\n') + '\n'
  );
}

const lintFlags: FlagSpec[] = [
  { name: 'format', takesValue: true, values: ['stylish', 'json', 'sarif'] },
  { name: 'config', takesValue: true },
  { name: 'environment', takesValue: true, values: ENVIRONMENTS },
  { name: 'max-warnings', takesValue: true },
  { name: 'fix', takesValue: false },
  { name: 'help', takesValue: false },
];

/** Runs the CLI and returns its exit code. */
export function run(commandLine: readonly string[], io: CliIo): number {
  try {
    const { locale, argv } = chooseLocale(commandLine, io.env ?? {});
    configureL10n(readBundle(locale, packageRoot), locale);
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(help());
        return 0;
      case '--version':
      case '-v':
      case 'version':
        io.stdout(version + '\n');
        return 0;
      case 'lint':
        return runLint(rest, io);
      case 'diagram':
        return runDiagram(rest, io);
      case 'capacity':
        return runCapacity(rest, io, help());
      case 'simulate':
        return runSimulate(rest, io, help());
      case 'explain':
        return runExplain(rest, io);
      default: {
        const suggestion = closest(command, ['lint', 'diagram', 'capacity', 'simulate', 'explain', 'help']);
        const unknown = suggestion ? l10n.t('Unknown command `{command}`; did you mean `dbarch {suggestion}`?', { command, suggestion }) : l10n.t('Unknown command `{command}`.', { command });
        throw new UsageError(unknown + ' ' + l10n.t`Run \`dbarch --help\`.`);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dbarch: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function runLint(argv: readonly string[], io: CliIo): number {
  const { positionals, flags } = parseArgs(argv, lintFlags);
  if (flags.has('help')) {
    io.stdout(help());
    return 0;
  }
  const format = (flags.get('format') as string | undefined) ?? 'stylish';
  const maxWarningsText = flags.get('max-warnings') as string | undefined;
  const maxWarnings = maxWarningsText === undefined ? -1 : Number(maxWarningsText);
  if (maxWarningsText !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError(l10n.t`\`--max-warnings\` must be a whole number, 0 or more.`);
  const environment = flags.get('environment') as Environment | undefined;

  const inputs = positionals.length ? positionals : ['.'];
  const { files, unmatched } = collectFiles(inputs, io.cwd);
  for (const input of unmatched) io.stderr(`dbarch: ${l10n.t('no architecture files match `{input}` (looked for *.dbarch.yaml, *.dbarch.yml and *.dbarch.json).', { input })}\n`);
  if (unmatched.length) return 2;

  const explicitConfig = flags.get('config') as string | undefined;
  const configs = new Map<string, LintConfig | undefined>();
  const configCache = new Map<string, string | undefined>();
  const loadConfig = (path: string): LintConfig | undefined => {
    if (configs.has(path)) return configs.get(path);
    const read = readText(path);
    if ('error' in read) {
      io.stderr(`dbarch: ${l10n.t('cannot read the configuration {file}: {error}.', { file: display(path, io.cwd), error: read.error })}\n`);
      configs.set(path, undefined);
      return undefined;
    }
    const { config, findings } = readConfig(read.text);
    if (findings.length) {
      io.stderr(`dbarch: ${l10n.t('the configuration {file} is not valid:', { file: display(path, io.cwd) })}\n`);
      for (const finding of findings) io.stderr(`  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.message}\n`);
      configs.set(path, undefined);
      return undefined;
    }
    configs.set(path, config);
    return config;
  };

  let usageProblem = false;
  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('error' in read) {
      io.stderr(`dbarch: ${l10n.t('cannot read {file}: {error}.', { file: display(file, io.cwd), error: read.error })}\n`);
      usageProblem = true;
      continue;
    }
    const configPath = explicitConfig ? resolve(io.cwd, explicitConfig) : findConfigFile(file, configCache);
    let config: LintConfig = {};
    if (configPath) {
      const loaded = loadConfig(configPath);
      if (!loaded) return 2;
      config = loaded;
    }
    if (environment) config = { ...config, environment };
    let findings = lint(read.text, { fileName: file, config }).findings;
    if (flags.has('fix')) findings = fixFile(file, read.text, config, findings, io);
    reports.push({ file: display(file, io.cwd), absolutePath: file, findings });
  }

  const context: FormatContext = { version, rules: rules.map((rule) => rule.meta), docsUri, docsMarkdown, color: io.color };
  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, context, io.cwd) : formatStylish(reports, context);
  if (output) io.stdout(output);
  if (usageProblem) return 2;
  const all = reports.flatMap((report) => report.findings);
  const errors = all.filter((finding) => finding.severity === 'error').length;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings >= 0 && warnings > maxWarnings && format === 'stylish') {
    io.stdout(l10n.t('dbarch found too many warnings (maximum: {maximum}).', { maximum: maxWarnings }) + '\n');
  }
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}

/**
 * Applies fixes until none is left (each pass re-lints, so fixes never work on stale offsets), then
 * writes the file atomically. A file with syntax errors is left untouched, and a pass whose result
 * would not parse is dropped (the file keeps the last text that did).
 */
function fixFile(file: string, original: string, config: LintConfig, findings: Finding[], io: CliIo): Finding[] {
  const hasSyntaxErrors = (list: readonly Finding[]): boolean => list.some((finding) => finding.ruleId === SYNTAX_RULE_ID && finding.severity === 'error');
  let text = original;
  let current = findings;
  for (let pass = 0; pass < 10 && !hasSyntaxErrors(current); pass++) {
    const edits = nonOverlappingEdits(current);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    const after = lint(next, { fileName: file, config }).findings;
    if (hasSyntaxErrors(after)) break;
    text = next;
    current = after;
  }
  if (text === original) return current;
  try {
    writeAtomically(file, text);
  } catch (error) {
    io.stderr(`dbarch: ${l10n.t('cannot write {file}: {error}.', { file: display(file, io.cwd), error: error instanceof Error ? error.message : String(error) })}\n`);
    return findings;
  }
  return current;
}

/**
 * Replaces a file's text all at once: a temporary file beside it (the same file system, so the rename
 * is atomic) with the original's permissions, renamed over it. A symbolic link keeps pointing at its
 * target, which is what gets replaced. An interrupted write leaves the original as it was.
 */
export function writeAtomically(file: string, text: string): void {
  const target = realpathSync(file);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.dbarch-fix.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: statSync(target).mode & 0o7777 });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function runDiagram(argv: readonly string[], io: CliIo): number {
  const { positionals, flags } = parseArgs(argv, [
    { name: 'out', takesValue: true },
    { name: 'html', takesValue: true },
    { name: 'format', takesValue: true, values: ['mermaid', 'html'] },
    { name: 'direction', takesValue: true, values: ['LR', 'TB', 'RL', 'BT'] },
    { name: 'region', takesValue: true },
    { name: 'database', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    io.stdout(help());
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t`\`dbarch diagram\` takes exactly one file: \`dbarch diagram FILE [--format mermaid|html] [--out FILE]\`.`);
  if (flags.has('region') && flags.has('database')) throw new UsageError(l10n.t`Use \`--region\` or \`--database\`, not both.`);
  const htmlOut = flags.get('html') as string | undefined;
  const format = htmlOut ? 'html' : ((flags.get('format') as 'mermaid' | 'html' | undefined) ?? 'mermaid');
  if (htmlOut && flags.get('format') === 'mermaid') throw new UsageError(l10n.t`\`--html FILE\` writes a page; it cannot be combined with \`--format mermaid\`.`);
  const out = htmlOut ?? (flags.get('out') as string | undefined);
  const read = readArchitecture(positionals[0], io, (shown) => l10n.t('{file} cannot be drawn', { file: shown }));
  if (typeof read === 'number') return read;
  const { file, result } = read;
  const view = diagramView(flags, result.topology);
  const direction = (flags.get('direction') as DiagramDirection | undefined) ?? 'LR';
  let text: string;
  if (format === 'html') {
    const page = diagramPage(result, { view, direction, fileName: basename(file) });
    if ('error' in page) {
      io.stderr(`dbarch: ${page.error}\n`);
      return 2;
    }
    text = page.html;
  } else {
    text = renderDiagram(result.topology, { view, direction }).text;
  }
  if (out) {
    writeFileSync(resolve(io.cwd, out), text);
    io.stderr(`dbarch: ${l10n.t('wrote {file}', { file: out })}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

/** The view `--region` or `--database` asks for; an unknown name is a usage error with the choices. */
function diagramView(flags: Map<string, string | true>, topology: Topology): DiagramView {
  const region = flags.get('region') as string | undefined;
  const database = flags.get('database') as string | undefined;
  if (region !== undefined) {
    const regions = topology.regions.map((group) => group.region);
    if (!regions.includes(region)) {
      throw new UsageError(
        regions.length ? l10n.t('The file has no Region `{region}`; it has {regions}.', { region, regions: regions.join(', ') }) : l10n.t('The file has no Region `{region}`; it has none.', { region }),
      );
    }
    return { kind: 'region', region };
  }
  if (database !== undefined) {
    const databases = [...topology.nodesOf.keys()];
    if (!databases.includes(database)) {
      const suggestion = closest(database, databases);
      throw new UsageError(
        suggestion ? l10n.t('The file has no database `{database}`; did you mean `{suggestion}`?', { database, suggestion }) : l10n.t('The file has no database `{database}`.', { database }),
      );
    }
    return { kind: 'database', database };
  }
  return { kind: 'all' };
}

/** A page that draws the diagram offline: the preview's own script and styles, inlined. */
function diagramPage(result: LintResult, options: { view: DiagramView; direction: DiagramDirection; fileName: string }): { html: string } | { error: string } {
  const assets = join(packageRoot, 'dist', 'webview');
  const read = (name: string): Buffer | undefined => {
    try {
      return readFileSync(join(assets, name));
    } catch {
      return undefined;
    }
  };
  const script = read('preview.js');
  const style = read('preview.css');
  const codicons = read('codicon.css');
  const font = read('codicon.ttf');
  if (!script || !style || !codicons || !font) return { error: l10n.t("the preview's files are missing from {folder}; run `npm run build`.", { folder: assets }) };
  const fontUrl = `data:font/ttf;base64,${font.toString('base64')}`;
  const codiconCss = codicons.toString('utf8').replace(/url\(["']?\.\/codicon\.ttf[^)"']*["']?\)/g, `url("${fontUrl}")`);
  const message = buildPreview(result, { view: options.view, force: true, fileName: options.fileName, direction: options.direction }).message;
  const nonce = randomBytes(18).toString('base64').replace(/[+/=]/g, '');
  const html = previewPage({
    nonce,
    csp: standaloneCsp(nonce),
    script: { inline: script.toString('utf8') },
    style: { inline: style.toString('utf8') },
    codiconHref: `data:text/css;base64,${Buffer.from(codiconCss).toString('base64')}`,
    initial: message,
    title: l10n.t('{file}: dbarch diagram', { file: options.fileName }),
  });
  return { html };
}

function runExplain(argv: readonly string[], io: CliIo): number {
  const { positionals } = parseArgs(argv, []);
  const ids = [SYNTAX_RULE_ID, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, ...rules.map((rule) => rule.meta.id)];
  if (positionals.length === 0) {
    const width = Math.max(...ids.map((id) => id.length));
    io.stdout(l10n.t`Rules (dbarch explain RULE for one):` + '\n\n');
    for (const rule of rules) io.stdout(`  ${rule.meta.id.padEnd(width)}  ${l10n.localize(rule.meta.description)}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(l10n.t`\`dbarch explain\` takes one rule id, like \`dbarch explain rds/replica-limit\`.`);
  const id = positionals[0];
  if (!ids.includes(id)) {
    const suggestion = closest(id, ids);
    const unknown = suggestion ? l10n.t('There is no rule `{rule}`; did you mean `{suggestion}`?', { rule: id, suggestion }) : l10n.t('There is no rule `{rule}`.', { rule: id });
    throw new UsageError(unknown + ' ' + l10n.t`Run \`dbarch explain\` for the list.`);
  }
  const markdown = docsMarkdown(id);
  if (!markdown) {
    io.stderr(`dbarch: ${l10n.t('the documentation of {rule} is not installed (expected {path}).', { rule: id, path: docsPath(id) })}\n`);
    return 2;
  }
  io.stdout(markdown.endsWith('\n') ? markdown : markdown + '\n');
  return 0;
}

function docsPath(ruleId: string): string {
  return join(packageRoot, 'docs', 'rules', ...ruleId.split('/')) + '.md';
}

function docsUri(ruleId: string): string {
  return pathToFileURL(docsPath(ruleId)).href;
}

function docsMarkdown(ruleId: string): string | undefined {
  const path = docsPath(ruleId);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}


function readPackageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function findPackageRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && /"name":\s*"dbarch"/.test(readFileSync(manifest, 'utf8'))) return directory;
    if (dirname(directory) === directory) return resolve(start, '..');
  }
}

/** The entry point of bin/dbarch.js. */
export function main(): void {
  const color = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const code = run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color,
    env: process.env,
  });
  process.exitCode = code;
}
