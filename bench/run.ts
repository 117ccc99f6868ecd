// `npm run bench`: what dbarch costs, side by side with the unavoidable cost of parsing the file and
// with what yaml-language-server's schema validation costs on the same text, all in one process on the
// same generated files; then the CLI end to end, the bundles, and the preview's render time.
//
//   npm run bench                       every size (10 ... 5,000 databases), CLI, bundles, preview
//   npm run bench -- --quick            fewer sizes and iterations (a smoke run)
//   npm run bench -- --only engine      engine | requests | cli | bundles | preview
//
// Figures are medians of many iterations after a warm-up, with the 10th-90th percentile spread.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/out/server/src/languageservice/yamlLanguageService';
import { parseSource } from '../src/core/document';
import { YAML_OPTIONS } from '../src/core/document/yaml';
import { lint, lintInSlices, type LintResult } from '../src/core/lint';
import { renderDiagram } from '../src/core/mermaid';
import { buildModel } from '../src/core/model/model';
import { rules } from '../src/core/rules';
import { checkArchitectureSchema } from '../src/core/schema/architecture';
import { buildTopology, type Topology } from '../src/core/topology/topology';
import { LanguageFeatures } from '../src/extension/language/features';
import { createArchitectureSchemaServices } from '../src/extension/language/schema-services';
import { generateArchitecture, generateForNodes } from './generate';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const SIZES = quick ? [10, 50, 200, 1_000] : [10, 50, 200, 1_000, 5_000];
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: cpuModel() };

/** One measurement: milliseconds per call. */
interface Timing {
  median: number;
  p10: number;
  p90: number;
  runs: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), runs: sorted.length };
}

/** A function to time; `before` runs untimed ahead of each call and hands it what it needs. */
type Timed = (() => unknown) | { before: () => unknown; run: (prepared: never) => unknown };

/**
 * Times several functions in rounds, one call of each per round (in an order that turns each
 * round), so that all of them see the same machine: this VM's speed drifts by tens of percent over a
 * minute, and timing one function after another would put that drift into their ratios. After a
 * warm-up, rounds run until there are at least `minRuns` and `minMs` has passed (at most `maxRuns`).
 * Returns each function's timing and its samples in round order, so ratios can be taken round by
 * round.
 */
async function timeTogether<K extends string>(
  cases: Record<K, Timed>,
  options: { minRuns?: number; maxRuns?: number; minMs?: number; warmup?: number } = {},
): Promise<Record<K, { timing: Timing; samples: number[] }>> {
  const { minRuns = quick ? 5 : 15, maxRuns = 400, minMs = quick ? 300 : 1_500, warmup = 2 } = options;
  const names = Object.keys(cases) as K[];
  const call = async (name: K): Promise<number> => {
    const timed = cases[name];
    if (typeof timed === 'function') {
      const before = performance.now();
      await timed();
      return performance.now() - before;
    }
    const prepared = (await timed.before()) as never;
    const before = performance.now();
    await timed.run(prepared);
    return performance.now() - before;
  };
  for (let index = 0; index < warmup; index++) for (const name of names) await call(name);
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  for (let round = 0; round < maxRuns && (round < minRuns || performance.now() - started < minMs); round++) {
    // The order turns by one each round: a call runs while the garbage of the call before it is still
    // being collected, and a fixed order would charge each function for the same neighbour every time.
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(round + turn) % names.length];
      samples[name].push(await call(name));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { timing: timing(samples[name]), samples: samples[name] }])) as Record<K, { timing: Timing; samples: number[] }>;
}

/** The median of round-by-round ratios `a[i] / b[i]`. */
function medianRatio(a: number[], b: number[]): number {
  return timing(a.map((value, index) => value / b[index])).median;
}

function format(timing: Timing): string {
  const digits = timing.median < 10 ? 2 : timing.median < 100 ? 1 : 0;
  return `${timing.median.toFixed(digits)} (${timing.p10.toFixed(digits)}-${timing.p90.toFixed(digits)})`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padStart(widths[column])).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** yaml-language-server's language service with dbarch's schema, validating as the Red Hat extension does. */
function yamlLanguageServer(): (text: string) => Promise<number> {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'dbarch.schema.json'), 'utf8')) as object;
  const uri = 'https://dbarch.dev/schema.json';
  const service = getLanguageService({
    schemaRequestService: async () => JSON.stringify(schema),
    workspaceContext: { resolveRelativePath: (path: string, resource: string) => new URL(path, resource).toString() },
  });
  service.configure({ validate: true, hover: false, completion: false, format: false, isKubernetes: false, schemas: [{ uri, fileMatch: ['*'], schema }] });
  let version = 0;
  // A new version each call: the service caches parsed documents by URI and version.
  return async (text) => (await service.doValidation(TextDocument.create('file:///bench.dbarch.yaml', 'yaml', ++version, text), false)).length;
}

/**
 * The same text with one character typed into the middle database: a comment line in that database's
 * lines, written and then extended by a letter. The editor lints each version after an edit like it.
 */
function typedInto(text: string): [string, string] {
  const section = text.indexOf('\ndatabases:\n');
  const keys = [...text.slice(section).matchAll(/^ {2}[a-z0-9-]+:$/gm)].map((match) => section + match.index! + match[0].length);
  const at = keys[Math.floor(keys.length / 2)];
  const before = text.slice(0, at) + '\n    # notes: ' + text.slice(at);
  const after = text.slice(0, at) + '\n    # notes: x' + text.slice(at);
  return [before, after];
}

/** Stops the bench if an edit it times was read whole: it would be timing the wrong thing. */
function assertReadInPieces(document: LintResult['document'] | undefined): void {
  if (!document?.readInPieces) throw new Error('the edit was read as a whole: the bench no longer measures the read after an edit');
}

/** Reads the two versions of `typedInto` in turn, each building on the read of the other (the read stage of the lint after an edit). */
function readAfterEdit(text: string): () => number {
  const versions = typedInto(text);
  let turn = 0;
  let last = parseSource(versions[0], 'yaml');
  return () => {
    turn = 1 - turn;
    last = parseSource(versions[turn], 'yaml', last);
    assertReadInPieces(last);
    return last.lines.lineCount;
  };
}

/** Lints the two versions of `typedInto` in turn, each building on the lint of the other, as the editor does. */
function editLinter(text: string): () => number {
  const versions = typedInto(text);
  let turn = 0;
  let last: LintResult = lint(versions[0], { fileName: 'bench.dbarch.yaml' });
  return () => {
    turn = 1 - turn;
    last = lint(versions[turn], { fileName: 'bench.dbarch.yaml', earlier: last.document });
    assertReadInPieces(last.document);
    return last.findings.length;
  };
}

async function engine(): Promise<void> {
  console.log('\n## Engine: one process, the same generated files (milliseconds per file: median (p10-p90))\n');
  console.log('The functions are timed in rounds (one call of each per round, the order turning each round); the ratios are medians of the rounds\' ratios.\n');
  const validate = yamlLanguageServer();
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  let peakHeap = 0;
  for (const databases of SIZES) {
    const text = generateArchitecture({ databases, seed: 1 });
    // Rounds at 1,000 databases: enough for the ratios' medians to settle on this noisy VM (about a minute).
    const options = databases >= 5_000 ? { minRuns: quick ? 2 : 5, minMs: 0, warmup: 1 } : databases >= 1_000 ? { minRuns: quick ? 4 : 20, minMs: 0, warmup: 1 } : {};
    // yaml-language-server is slow on big files: none past 1,000 databases in --quick.
    const withYls = !(quick && databases > 1_000);
    const measured = await timeTogether(
      {
        parse: () => parseDocument(text, YAML_OPTIONS),
        lint: () => lint(text, { fileName: 'bench.dbarch.yaml' }),
        drawn: () => renderDiagram(lint(text, { fileName: 'bench.dbarch.yaml' }).topology!).text.length,
        edit: editLinter(text),
        yls: () => (withYls ? validate(text) : 0),
      },
      options,
    );
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    const { parse, lint: linted, drawn, edit, yls } = measured;
    const nodes = lint(text, { fileName: 'bench.dbarch.yaml' }).topology!.nodes.length;
    const ratios = {
      lintParse: medianRatio(linted.samples, parse.samples),
      drawnParse: medianRatio(drawn.samples, parse.samples),
      ylsLint: withYls ? medianRatio(yls.samples, linted.samples) : undefined,
      ylsEdit: withYls ? medianRatio(yls.samples, edit.samples) : undefined,
    };
    rows.push([
      databases.toLocaleString('en'),
      nodes.toLocaleString('en'),
      `${Math.round(text.length / 1024).toLocaleString('en')}`,
      format(parse.timing),
      format(linted.timing),
      format(drawn.timing),
      format(edit.timing),
      withYls ? format(yls.timing) : '-',
      ratios.lintParse.toFixed(2),
      ratios.drawnParse.toFixed(2),
      ratios.ylsLint === undefined ? '-' : ratios.ylsLint.toFixed(1),
      ratios.ylsEdit === undefined ? '-' : ratios.ylsEdit.toFixed(1),
    ]);
    figures.push({
      databases,
      nodes,
      kilobytes: Math.round(text.length / 1024),
      parse: parse.timing,
      lint: linted.timing,
      lintDiagram: drawn.timing,
      lintAfterEdit: edit.timing,
      yamlLanguageServer: withYls ? yls.timing : undefined,
      ratios,
    });
  }
  console.log(
    table(['databases', 'nodes', 'KB', 'parse', 'lint', 'lint+diagram', 'lint after an edit', 'yaml-language-server', 'lint/parse', '(lint+diagram)/parse', 'yls/lint', 'yls/edit'], rows),
  );
  console.log(
    '\n`lint` reads the text from scratch (a file just opened, the CLI). `lint after an edit` is the editor\'s lint as the user types: one character typed into the middle database, building on the last lint, so only that database\'s lines are parsed again. yaml-language-server parses the whole text on every edit.',
  );
  const memory = process.resourceUsage().maxRSS / 1024;
  console.log(`\npeak memory of this process: ${memory.toFixed(0)} MB resident, ${(peakHeap / 1024 / 1024).toFixed(0)} MB heap`);
  results.engine = figures;
  results.peakMemoryMb = Math.round(memory);
  await stages();
  await slices();
  await requests();
}

/** Where a lint's time goes, stage by stage, on the same files (the stages as lintDocumentSteps runs them). */
async function stages(): Promise<void> {
  console.log('\n## Where the time goes (milliseconds, medians of rounds)\n');
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  for (const databases of SIZES.filter((size) => size <= 1_000)) {
    const text = generateArchitecture({ databases, seed: 1 });
    const document = parseSource(text, 'yaml');
    const schema = checkArchitectureSchema(document.value);
    const model = buildModel(document.value, schema.invalidPaths);
    const topology = buildTopology(model);
    const measured = await timeTogether(
      {
        parse: () => parseDocument(text, YAML_OPTIONS),
        read: () => parseSource(text, 'yaml'),
        readAfterEdit: readAfterEdit(text),
        schema: () => checkArchitectureSchema(document.value),
        model: () => buildModel(document.value, schema.invalidPaths),
        topology: () => buildTopology(model),
        // Each call gets a Topology of its own, built untimed: the failure analysis keeps its verdicts on it.
        rules: {
          before: () => buildTopology(model),
          run: (fresh: Topology) => {
            for (const rule of rules) rule.check({ model, topology: fresh, environment: model.environment, document, report: () => undefined });
          },
        },
        diagram: () => renderDiagram(topology),
        lint: () => lint(text, { fileName: 'bench.dbarch.yaml' }),
      },
      databases >= 1_000 ? { minRuns: quick ? 3 : 9, minMs: 0, warmup: 1 } : {},
    );
    const row = Object.fromEntries(Object.entries(measured).map(([name, value]) => [name, (value as { timing: Timing }).timing.median])) as Record<keyof typeof measured, number>;
    const digits = (value: number): string => value.toFixed(value < 10 ? 1 : 0);
    rows.push([databases.toLocaleString('en'), ...Object.values(row).map(digits)]);
    figures.push({ databases, ...row });
  }
  console.log(table(['databases', 'parse (yaml)', 'read (parse, data, tree)', 'read after an edit', 'schema', 'model', 'topology', 'rules', 'diagram', 'whole lint'], rows));
  results.stages = figures;
}

/** One lint in slices as the editor runs it: how long it took, how often it paused, its longest slice. */
async function sliced(text: string, earlier?: LintResult['document']): Promise<{ total: number; pauses: number; worst: number }> {
  let sliceStart = performance.now();
  let worst = 0;
  let pauses = 0;
  const started = performance.now();
  const result = await lintInSlices(
    text,
    { fileName: 'bench.dbarch.yaml', earlier },
    {
      pause: async () => {
        worst = Math.max(worst, performance.now() - sliceStart);
        pauses++;
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      },
    },
  );
  worst = Math.max(worst, performance.now() - sliceStart);
  if (earlier) assertReadInPieces(result?.document);
  return { total: performance.now() - started, pauses, worst };
}

/**
 * The editor lints in slices (src/core/steps.ts): how long the extension host's thread is held at
 * most, against a lint in one go, which holds it for the whole lint.
 */
async function slices(): Promise<void> {
  console.log('\n## The editor\'s lint in slices: the longest the extension host is held (milliseconds)\n');
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  for (const databases of SIZES.filter((size) => size <= 1_000)) {
    const text = generateArchitecture({ databases, seed: 1 });
    const versions = typedInto(text);
    const whole: { total: number; pauses: number; worst: number }[] = [];
    const edited: { total: number; pauses: number; worst: number }[] = [];
    for (let run = 0; run < (quick ? 3 : 7); run++) {
      whole.push(await sliced(text));
      // The lint of one version after the lint of the other, as the editor does after a keystroke.
      edited.push(await sliced(versions[run % 2], lint(versions[1 - (run % 2)], { fileName: 'bench.dbarch.yaml' }).document));
    }
    const figure = (runs: typeof whole) => ({ total: timing(runs.map((run) => run.total)), pauses: runs[runs.length - 1].pauses, longestSlice: timing(runs.map((run) => run.worst)) });
    const cold = figure(whole);
    const warm = figure(edited);
    rows.push([databases.toLocaleString('en'), format(cold.total), String(cold.pauses), format(cold.longestSlice), format(warm.total), String(warm.pauses), format(warm.longestSlice)]);
    figures.push({ databases, ...cold, afterAnEdit: warm });
  }
  console.log(table(['databases', 'whole lint, in slices', 'pauses', 'longest slice', 'after an edit, in slices', 'pauses', 'longest slice'], rows));
  results.slices = figures;
}

/**
 * Two versions of a file as a user types an RDS instance class in the middle database (`db.`, then
 * `db.r`), with the offset after the typed text in each and the offset of that database's name.
 */
function typedValue(text: string): { versions: [string, string]; offsets: [number, number]; name: number; key: number } {
  const lines = [...text.matchAll(/^ {4}instanceClass: (db\.\S+)$/gm)];
  const line = lines[Math.floor(lines.length / 2)];
  const at = line.index! + '    instanceClass: '.length;
  const versions = ['db.', 'db.r'].map((typed) => text.slice(0, at) + typed + text.slice(at + line[1].length)) as [string, string];
  const names = [...text.slice(0, line.index).matchAll(/^ {2}[a-z0-9-]+:$/gm)];
  const name = names[names.length - 1].index! + 3;
  return { versions, offsets: [at + 3, at + 4], name, key: line.index! + 6 };
}

/**
 * Completion and hover as the editor asks for them while the user types, before the lint of the typed
 * version is in: on the whole text (every request parsed it and read its data again, as dbarch did
 * before it kept a read per version), and on the read of the version that the lint then uses. Both with
 * the schema services' items and hovers, as VS Code gets them.
 */
async function requests(): Promise<void> {
  console.log('\n## Completion and hover while typing (milliseconds, medians; the extension host waits for each)\n');
  const schemaServices = createArchitectureSchemaServices();
  const features = new LanguageFeatures(() => schemaServices);
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  for (const databases of SIZES.filter((size) => size <= 1_000)) {
    const { versions, offsets, name, key } = typedValue(generateArchitecture({ databases, seed: 1 }));
    const lints = versions.map((text) => lint(text, { fileName: 'bench.dbarch.yaml' }));
    let turn = 0;
    let read = lints[0].document;
    /** The next version, with the lint of the other (the one the editor has) and its read made as the editor makes it. */
    const next = () => {
      turn = 1 - turn;
      const document = { uri: 'file:///bench.dbarch.yaml', language: 'yaml' as const, text: versions[turn] };
      read = parseSource(versions[turn], 'yaml', read);
      assertReadInPieces(read);
      return { document, offset: offsets[turn], result: lints[1 - turn], read };
    };
    type Request = ReturnType<typeof next>;
    const measured = await timeTogether(
      {
        completeWhole: { before: next, run: ({ document, offset, result }: Request) => features.complete(document, offset, { result }) },
        completeRead: { before: next, run: ({ document, offset, result, read }: Request) => features.complete(document, offset, { result, read }) },
        hoverWhole: { before: next, run: ({ document, result }: Request) => features.hover(document, key, { result }) },
        hoverRead: { before: next, run: ({ document, result, read }: Request) => features.hover(document, key, { result, read }) },
        summaryWhole: { before: next, run: ({ document, result }: Request) => features.hover(document, name, { result }) },
        summaryRead: { before: next, run: ({ document, result, read }: Request) => features.hover(document, name, { result, read }) },
      },
      databases >= 1_000 ? { minRuns: quick ? 3 : 7, minMs: 0, warmup: 1 } : { minRuns: quick ? 5 : 11, minMs: 0 },
    );
    const timings = Object.fromEntries(Object.entries(measured).map(([case_, value]) => [case_, (value as { timing: Timing }).timing])) as Record<keyof typeof measured, Timing>;
    rows.push([databases.toLocaleString('en'), ...Object.values(timings).map(format)]);
    figures.push({ databases, ...timings });
  }
  console.log(
    table(['databases', 'completion, whole text', 'completion, read', 'hover on a key, whole text', 'hover on a key, read', "database's summary, whole text", "database's summary, read"], rows),
  );
  console.log(
    "\nThe read of a version is made once, for the first request on it (the `read after an edit` of the stages table; not timed here), and the lint of that version uses it. A key's hover is the schema's description; a database's summary also needs the findings of the typed version: `whole text` lints it from scratch, `read` lints the read (in the editor it waits for the lint in slices instead).",
  );
  results.requests = figures;
}

function cli(): void {
  console.log('\n## CLI end to end (process start included; wall seconds, median of runs)\n');
  const bin = join(ROOT, 'bin', 'dbarch.js');
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  const folder = mkdtempSync(join(tmpdir(), 'dbarch-bench-'));
  try {
    const files = quick ? 200 : 1_000;
    for (let index = 0; index < files; index++) writeFileSync(join(folder, `system-${index}.dbarch.yaml`), generateArchitecture({ databases: 5, seed: index + 1 }));
    const rows: string[][] = [];
    const figures: Record<string, unknown>[] = [];
    for (const [label, target, runs] of [
      ['examples/ (5 files)', join(ROOT, 'examples'), 7],
      [`${files.toLocaleString('en')} generated files (5 databases each)`, folder, quick ? 2 : 3],
    ] as const) {
      const seconds: number[] = [];
      let memory: number | undefined;
      for (let run = 0; run < runs; run++) {
        const measured = runCli([bin, 'lint', target, '--format', 'json']);
        seconds.push(measured.seconds);
        if (measured.peakMb !== undefined) memory = Math.max(memory ?? 0, measured.peakMb);
      }
      seconds.sort((a, b) => a - b);
      const median = seconds[Math.floor(seconds.length / 2)];
      rows.push([label, median.toFixed(2), `${seconds[0].toFixed(2)}-${seconds[seconds.length - 1].toFixed(2)}`, memory === undefined ? '-' : memory.toFixed(0)]);
      figures.push({ label, medianSeconds: median, peakMb: memory === undefined ? undefined : Math.round(memory) });
    }
    rows.push(['`dbarch --version` (start-up alone)', runCli([bin, '--version']).seconds.toFixed(2), '', '']);
    console.log(table(['run', 'seconds', 'range', 'peak MB'], rows));
    results.cli = figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Runs the CLI once: wall seconds (measured here), and its peak memory when GNU time is installed
 * (Debian's `time` package; without it the column says -).
 */
function runCli(args: string[]): { seconds: number; peakMb?: number } {
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const measured = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (measured.error) throw new Error(`could not run the CLI: ${measured.error.message}`);
  const kilobytes = gnuTime ? Number(measured.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, peakMb: Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined };
}

function bundles(): void {
  console.log('\n## Bundles (production build) and the .vsix\n');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`production build failed: ${built.stderr}`);
  const out = mkdtempSync(join(tmpdir(), 'dbarch-vsix-'));
  const vsix = join(out, 'dbarch.vsix');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packaged = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  const size = (path: string): string => (existsSync(path) ? `${(statSync(path).size / 1024).toFixed(0)} KB` : 'missing');
  const rows = [
    ['dist/extension.js (host, loaded at activation)', size(join(ROOT, 'dist', 'extension.js')), '800 KB'],
    ['dist/validate-*.js (the schema validators, loaded by the first lint)', `${size(join(ROOT, 'dist', 'validate-architecture.js'))} + ${size(join(ROOT, 'dist', 'validate-config.js'))}`, ''],
    ['dist/language.js (completion and hover, loaded on first use)', size(join(ROOT, 'dist', 'language.js')), ''],
    ['dist/web/extension.js (the web extension: host and language services in one)', size(join(ROOT, 'dist', 'web', 'extension.js')), ''],
    ['dist/webview/preview.js (Mermaid, controls)', size(join(ROOT, 'dist', 'webview', 'preview.js')), ''],
    ['.vsix', packaged.status === 0 ? size(vsix) : `packaging failed: ${packaged.stderr.slice(0, 200)}`, '3 MB'],
  ];
  console.log(table(['file', 'size', 'budget'], rows));
  results.bundles = Object.fromEntries(rows.map(([name, value]) => [name, value]));
  rmSync(out, { recursive: true, force: true });
  const activation = latestActivation();
  console.log(`\nactivation: ${activation ?? 'no integration run on record (npm run test:integration reports it)'}`);
  // Leave a development build behind, as `npm install` does.
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
}

/** The activation time the last integration run measured in VS Code, if there is one. */
function latestActivation(): string | undefined {
  const file = join(ROOT, 'test-results', 'integration-results.json');
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { activationMs?: number; vscodeVersion?: string };
    if (typeof data.activationMs === 'number') return `${data.activationMs.toFixed(1)} ms in VS Code ${data.vscodeVersion ?? ''} (test-results/integration-results.json, from npm run test:integration)`;
  } catch {
    // An unreadable file: no figure.
  }
  return undefined;
}

async function preview(): Promise<void> {
  console.log('\n## Preview: Mermaid render in Chromium (milliseconds: median (p10-p90) of renders)\n');
  console.log('render: a new Mermaid text, laid out and drawn. same text again: an update with the text on screen and other findings (an edit that changes findings, not the drawing): the marks moved on that SVG. Both are the page\'s script time, from the update to the decorated SVG.\n');
  const { Browser, chromiumPath } = await import('../test/browser/harness');
  if (!chromiumPath()) {
    console.log('skipped: Chromium is not installed (apt-get install -y chromium)');
    return;
  }
  const { buildPreview } = await import('../src/core/preview');
  const browser = await Browser.launch();
  const rows: string[][] = [];
  const figures: Record<string, unknown>[] = [];
  try {
    const cases: [string, string][] = [
      ...readdirSync(join(ROOT, 'examples'))
        .filter((name) => /\.dbarch\.(yaml|json)$/.test(name))
        .map((name) => [name, readFileSync(join(ROOT, 'examples', name), 'utf8')] as [string, string]),
      ['generated, about 50 nodes', generateForNodes(50, 1).text],
      ['generated, about 200 nodes', generateForNodes(200, 1).text],
    ];
    for (const [name, text] of cases) {
      const result = lint(text, { fileName: name.endsWith('.json') ? 'x.dbarch.json' : 'x.dbarch.yaml' });
      const message = buildPreview(result, { force: true, uri: `file:///${name}`, fileName: name }).message;
      const page = await browser.open({ theme: 'vscode-light' });
      const diagram = message.diagram;
      if (!diagram) throw new Error(`${name}: nothing to draw`);
      // A Mermaid comment makes each run's text new: the page shows an SVG again, without Mermaid,
      // when an update brings the text it drew last.
      const run = (index: number): typeof message => ({ ...message, version: index + 1, diagram: { ...diagram, text: `${diagram.text}\n%% run ${index}` } });
      const samples: number[] = [];
      const runs = quick ? 3 : 7;
      for (let index = 0; index < runs; index++) {
        await page.send(run(index), { waitForRender: true });
        samples.push(Number(await page.evaluate<string>('document.body.dataset.renderMs')));
      }
      // The text on screen again, with other findings every other time (every node's mark turned on or
      // off), as after an edit that changes findings and not the drawing.
      const last = run(runs - 1);
      const otherFindings = { ...last, diagram: { ...last.diagram!, nodes: diagram.nodes.map((node) => ({ ...node, severity: node.severity ? undefined : ('warning' as const) })) } };
      const again: number[] = [];
      for (let index = 0; index < runs; index++) {
        await page.send({ ...(index % 2 ? last : otherFindings), version: runs + index + 1 }, { waitForRender: true });
        again.push(Number(await page.evaluate<string>('document.body.dataset.reusedMs')));
      }
      if ((await page.mermaidRenders()) !== runs) throw new Error(`${name}: the page did not render each run once`);
      await page.page.close();
      const render = timing(samples);
      const sameText = timing(again);
      rows.push([name, String(diagram.nodes.length), String(diagram.edgeCount), format(render), format(sameText)]);
      figures.push({ name, nodes: diagram.nodes.length, edges: diagram.edgeCount, render, sameText });
    }
  } finally {
    await browser.close();
  }
  console.log(table(['diagram', 'nodes', 'links', 'render ms', 'same text again ms'], rows));
  results.preview = figures;
}

function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /model name\s*:\s*(.+)/.exec(info)?.[1] ?? 'unknown CPU';
    return `${model} x ${(info.match(/^processor\s*:/gm) ?? []).length}`;
  } catch {
    return 'unknown CPU';
  }
}

async function main(): Promise<void> {
  console.log(`# dbarch benchmarks (${results.date}, Node ${process.version}, ${results.cpus})`);
  if (!only || only === 'engine') await engine();
  if (only === 'requests') await requests();
  if (!only || only === 'cli') cli();
  if (!only || only === 'preview') await preview();
  if (!only || only === 'bundles') bundles();
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nresults: bench/results/latest.json');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
