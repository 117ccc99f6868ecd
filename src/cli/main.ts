// The `dbarch` command: lint architecture files, print their diagram, explain a rule.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig, type LintConfig } from '../core/config';
import { ENVIRONMENTS, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, SYNTAX_RULE_ID, type Environment, type Finding } from '../core/findings';
import { applyEdits, nonOverlappingEdits } from '../core/fixes';
import { lint } from '../core/lint';
import { toMermaid } from '../core/mermaid';
import { rules } from '../core/rules';
import { closest } from '../core/text';
import { parseArgs, UsageError, type FlagSpec } from './args';
import { collectFiles, findConfigFile, readText } from './files';
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
}

/** The installed package's root: the nearest folder above this module with dbarch's package.json. */
const packageRoot = findPackageRoot(__dirname);

const version = readPackageVersion();

const HELP = `dbarch ${version}: AWS database architectures as code

Usage:
  dbarch lint [paths or globs...]   lint architecture files (directories are searched for *.dbarch.{yaml,yml,json})
      --format stylish|json|sarif   output format (default stylish)
      --config FILE                 use this configuration instead of the nearest .dbarch.json
      --environment ENV             lint as production, staging, development or test
      --max-warnings N              exit 1 when there are more than N warnings
      --fix                         apply the mechanical fixes and write the files
  dbarch diagram FILE [--out FILE]  print the Mermaid diagram of the file's topology
  dbarch explain [RULE]             print a rule's documentation (without RULE: list the rules)
  dbarch --help | --version

Exit status: 0 no errors; 1 errors found (or too many warnings); 2 bad usage or an unreadable file.
`;

const lintFlags: FlagSpec[] = [
  { name: 'format', takesValue: true, values: ['stylish', 'json', 'sarif'] },
  { name: 'config', takesValue: true },
  { name: 'environment', takesValue: true, values: ENVIRONMENTS },
  { name: 'max-warnings', takesValue: true },
  { name: 'fix', takesValue: false },
  { name: 'help', takesValue: false },
];

/** Runs the CLI and returns its exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
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
      case 'explain':
        return runExplain(rest, io);
      default: {
        const suggestion = closest(command, ['lint', 'diagram', 'explain', 'help']);
        throw new UsageError(`Unknown command \`${command}\`${suggestion ? `; did you mean \`dbarch ${suggestion}\`?` : '.'} Run \`dbarch --help\`.`);
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
    io.stdout(HELP);
    return 0;
  }
  const format = (flags.get('format') as string | undefined) ?? 'stylish';
  const maxWarningsText = flags.get('max-warnings') as string | undefined;
  const maxWarnings = maxWarningsText === undefined ? -1 : Number(maxWarningsText);
  if (maxWarningsText !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError('`--max-warnings` must be a whole number, 0 or more.');
  const environment = flags.get('environment') as Environment | undefined;

  const inputs = positionals.length ? positionals : ['.'];
  const { files, unmatched } = collectFiles(inputs, io.cwd);
  for (const input of unmatched) io.stderr(`dbarch: no architecture files match \`${input}\` (looked for *.dbarch.yaml, *.dbarch.yml and *.dbarch.json).\n`);
  if (unmatched.length) return 2;

  const explicitConfig = flags.get('config') as string | undefined;
  const configs = new Map<string, LintConfig | undefined>();
  const configCache = new Map<string, string | undefined>();
  const loadConfig = (path: string): LintConfig | undefined => {
    if (configs.has(path)) return configs.get(path);
    const read = readText(path);
    if ('error' in read) {
      io.stderr(`dbarch: cannot read the configuration ${display(path, io.cwd)}: ${read.error}.\n`);
      configs.set(path, undefined);
      return undefined;
    }
    const { config, findings } = readConfig(read.text);
    if (findings.length) {
      io.stderr(`dbarch: the configuration ${display(path, io.cwd)} is not valid:\n`);
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
      io.stderr(`dbarch: cannot read ${display(file, io.cwd)}: ${read.error}.\n`);
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
    io.stdout(`dbarch found too many warnings (maximum: ${maxWarnings}).\n`);
  }
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}

/**
 * Applies fixes until none is left (each pass re-lints, so fixes never work on stale offsets), then
 * writes the file atomically. A file with syntax errors is left untouched.
 */
function fixFile(file: string, original: string, config: LintConfig, findings: Finding[], io: CliIo): Finding[] {
  let text = original;
  let current = findings;
  for (let pass = 0; pass < 10; pass++) {
    if (current.some((finding) => finding.ruleId === SYNTAX_RULE_ID && finding.severity === 'error')) break;
    const edits = nonOverlappingEdits(current);
    if (edits.length === 0) break;
    text = applyEdits(text, edits);
    current = lint(text, { fileName: file, config }).findings;
  }
  if (text !== original) {
    const temporary = join(dirname(file), `.${Date.now()}-${process.pid}.dbarch-fix.tmp`);
    try {
      writeFileSync(temporary, text);
      renameSync(temporary, file);
    } catch (error) {
      io.stderr(`dbarch: cannot write ${display(file, io.cwd)}: ${error instanceof Error ? error.message : String(error)}.\n`);
      return findings;
    }
  }
  return current;
}

function runDiagram(argv: readonly string[], io: CliIo): number {
  const { positionals, flags } = parseArgs(argv, [
    { name: 'out', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('`dbarch diagram` takes exactly one file: `dbarch diagram FILE [--out FILE]`.');
  const file = resolve(io.cwd, positionals[0]);
  const read = readText(file);
  if ('error' in read) {
    io.stderr(`dbarch: cannot read ${display(file, io.cwd)}: ${read.error}.\n`);
    return 2;
  }
  const result = lint(read.text, { fileName: file });
  if (!result.topology) {
    io.stderr(`dbarch: ${display(file, io.cwd)} cannot be drawn until its syntax errors are fixed:\n`);
    for (const finding of result.findings.filter((item) => item.severity === 'error')) {
      io.stderr(`  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.message}\n`);
    }
    return 1;
  }
  const text = toMermaid(result.topology);
  const out = flags.get('out') as string | undefined;
  if (out) {
    writeFileSync(resolve(io.cwd, out), text);
    io.stderr(`dbarch: wrote ${out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

function runExplain(argv: readonly string[], io: CliIo): number {
  const { positionals } = parseArgs(argv, []);
  const ids = [SYNTAX_RULE_ID, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, ...rules.map((rule) => rule.meta.id)];
  if (positionals.length === 0) {
    const width = Math.max(...ids.map((id) => id.length));
    io.stdout('Rules (dbarch explain RULE for one):\n\n');
    for (const rule of rules) io.stdout(`  ${rule.meta.id.padEnd(width)}  ${rule.meta.description}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('`dbarch explain` takes one rule id, like `dbarch explain rds/replica-limit`.');
  const id = positionals[0];
  if (!ids.includes(id)) {
    const suggestion = closest(id, ids);
    throw new UsageError(`There is no rule \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Run \`dbarch explain\` for the list.`);
  }
  const markdown = docsMarkdown(id);
  if (!markdown) {
    io.stderr(`dbarch: the documentation of ${id} is not installed (expected ${docsPath(id)}).\n`);
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

function display(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path && !path.startsWith('..') ? path.split(sep).join('/') : file;
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
  });
  process.exitCode = code;
}
