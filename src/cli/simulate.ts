// `dbarch simulate FILE`: what the loss of an AZ, a Region or one instance does to each database of an
// architecture file, as a table for people or JSON for tools. The mechanics live in the engine
// (src/core/failure), which the preview uses too.
import {
  azsByRegion,
  describeScenario,
  failureScenarios,
  nodeNames,
  simulate,
  worstCase,
  type ApplicationConnectionOutcome,
  type DatabaseOutcome,
  type FailureScenario,
  type Simulation,
  type WorstOutcome,
} from '../core/failure';
import { SCHEMA_RULE_ID } from '../core/findings';
import * as l10n from '../core/l10n';
import type { Architecture } from '../core/model/model';
import { closest, terminalColumns } from '../core/text';
import type { Topology } from '../core/topology/topology';
import { parseArgs, UsageError } from './args';
import { readArchitecture } from './files';
import type { CliIo } from './main';

const USAGE = '`dbarch simulate FILE --fail-az AZ | --fail-region REGION | --fail-node NAME | --all-azs [--format table|json]`';

/** Runs `dbarch simulate` and returns its exit code: 0 (an analysis, whatever it finds), 1 unreadable as an architecture, 2 bad usage. */
export function runSimulate(argv: readonly string[], io: CliIo, help: string): number {
  const { positionals, flags } = parseArgs(argv, [
    { name: 'fail-az', takesValue: true },
    { name: 'fail-region', takesValue: true },
    { name: 'fail-node', takesValue: true },
    { name: 'all-azs', takesValue: false },
    { name: 'format', takesValue: true, values: ['table', 'json'] },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    io.stdout(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(l10n.t('`dbarch simulate` takes exactly one file: {usage}.', { usage: USAGE }));
  const chosen = ['fail-az', 'fail-region', 'fail-node', 'all-azs'].filter((name) => flags.has(name));
  if (chosen.length === 0) throw new UsageError(l10n.t`Say what fails: ${USAGE}.`);
  if (chosen.length > 1) {
    const combined = chosen.map((name) => `--${name}`).reduce((list, flag) => l10n.t`${list} and ${flag}`);
    throw new UsageError(l10n.t`Simulate one failure at a time: ${combined} cannot be combined.`);
  }

  const read = readArchitecture(positionals[0], io, (shown) => l10n.t`${shown} cannot be simulated`);
  if (typeof read === 'number') return read;
  const { shown, result } = read;
  const { model, topology } = result;
  const json = flags.get('format') === 'json';

  if (flags.has('all-azs')) {
    const scenarios = failureScenarios(model, topology).filter((scenario) => scenario.kind === 'az');
    if (scenarios.length === 0) throw new UsageError(l10n.t`${shown} places nothing in an AZ and names no Region, so there is no AZ to lose.`);
    warnSchema(result.findings.filter((finding) => finding.ruleId === SCHEMA_RULE_ID && finding.severity === 'error').length, shown, io);
    const worst = worstCase(model, topology, scenarios);
    const simulations = scenarios.map((scenario) => simulate(model, topology, scenario));
    io.stdout(json ? JSON.stringify(allAzsJson(shown, model, scenarios, worst, simulations), null, 2) + '\n' : formatWorstCase(shown, model, scenarios, worst, simulations, io.color));
    return 0;
  }

  const scenario = chosenScenario(flags, model, topology);
  warnSchema(result.findings.filter((finding) => finding.ruleId === SCHEMA_RULE_ID && finding.severity === 'error').length, shown, io);
  const simulation = simulate(model, topology, scenario);
  io.stdout(json ? JSON.stringify(simulationJson(shown, model, topology, simulation), null, 2) + '\n' : formatSimulation(shown, model, simulation, io.color));
  return 0;
}

/** The scenario the flags ask for; a name the file does not use is a usage error with a did-you-mean. */
function chosenScenario(flags: Map<string, string | true>, model: Architecture, topology: Topology): FailureScenario {
  const az = flags.get('fail-az') as string | undefined;
  if (az !== undefined) {
    const azs = [...azsByRegion(model, topology).values()].flat();
    if (!azs.includes(az)) throw new UsageError(unknown('AZ', az, azs, 'uses'));
    return { kind: 'az', az };
  }
  const region = flags.get('fail-region') as string | undefined;
  if (region !== undefined) {
    const regions = topology.regions.map((group) => group.region);
    if (!regions.includes(region)) throw new UsageError(unknown(l10n.t`Region`, region, regions, 'uses'));
    return { kind: 'region', region };
  }
  const node = flags.get('fail-node') as string;
  const names = nodeNames(model);
  if (!names.includes(node)) throw new UsageError(unknown(l10n.t`database, replica or instance`, node, names, 'names'));
  return { kind: 'node', node };
}

function unknown(what: string, value: string, choices: readonly string[], lead: 'uses' | 'names'): string {
  const suggestion = closest(value, choices);
  const first = suggestion
    ? l10n.t('The file has no {what} `{value}`; did you mean `{suggestion}`?', { what, value, suggestion })
    : l10n.t('The file has no {what} `{value}`.', { what, value });
  if (!choices.length) return first;
  const list = choices.join(', ');
  return first + ' ' + (lead === 'uses' ? l10n.t`The file uses ${list}.` : l10n.t`The file names ${list}.`);
}

function warnSchema(count: number, shown: string, io: CliIo): void {
  if (count <= 0) return;
  const warning =
    count === 1
      ? l10n.t('{file} has {count} schema error; the values in error are left out of the simulation (`dbarch lint {file}` lists them).', { file: shown, count })
      : l10n.t('{file} has {count} schema errors; the values in error are left out of the simulation (`dbarch lint {file}` lists them).', { file: shown, count });
  io.stderr(`dbarch: ${warning}\n`);
}

const SERVICE_NAMES: Record<string, string> = {
  rds: 'RDS',
  aurora: 'Aurora',
  dynamodb: 'DynamoDB',
  elasticache: 'ElastiCache',
  redshift: 'Redshift',
  documentdb: 'DocumentDB',
  neptune: 'Neptune',
  qldb: 'QLDB',
  timestream: 'Timestream',
};

const STATE_COLORS: Record<DatabaseOutcome['state'], string> = { unaffected: '32', degraded: '33', 'failed-over': '36', 'read-only': '33', down: '31' };

/** A state as the table shows it (the JSON keeps the id). */
function stateWord(state: DatabaseOutcome['state']): string {
  switch (state) {
    case 'unaffected':
      return l10n.t`unaffected`;
    case 'failed-over':
      return l10n.t`failed-over`;
    case 'degraded':
      return l10n.t`degraded`;
    case 'read-only':
      return l10n.t`read-only`;
    case 'down':
      return l10n.t`down`;
  }
}

/** A connection's fate as the text shows it (the JSON keeps the id). */
function fateWord(fate: ApplicationConnectionOutcome['fate']): string {
  switch (fate) {
    case 'works':
      return l10n.t`works`;
    case 'broken':
      return l10n.t`broken`;
    case 'reconnect':
      return l10n.t`reconnect`;
    case 'degraded':
      return l10n.t`degraded`;
  }
}

/** One scenario as a table, then the why and the changes per database, then the connections that break. */
export function formatSimulation(file: string, model: Architecture, simulation: Simulation, color = false): string {
  const out: string[] = [`${capitalize(simulation.description)}: ${model.name ?? file} (${file})`, ''];
  out.push(...table(simulation.databases, undefined, color));
  out.push(...details(simulation.databases, color));
  out.push(...connections(simulation.applications));
  return out.join('\n') + '\n';
}

/** `--all-azs`: the worst case per database, with the AZ that gives it, then the connections per AZ. */
export function formatWorstCase(file: string, model: Architecture, scenarios: readonly FailureScenario[], worst: readonly WorstOutcome[], simulations: readonly Simulation[], color = false): string {
  const azs = scenarios.map((scenario) => (scenario.kind === 'az' ? scenario.az : describeScenario(scenario)));
  const list = azs.join(', ');
  const out: string[] = [`${l10n.t`Worst case over the loss of each AZ (${list})`}: ${model.name ?? file} (${file})`, ''];
  const worstAz = (outcome: DatabaseOutcome): string => {
    const scenario = (outcome as WorstOutcome).scenario;
    return outcome.state === 'unaffected' ? '-' : scenario.kind === 'az' ? scenario.az : describeScenario(scenario);
  };
  out.push(...table(worst, worstAz, color));
  out.push(...details(worst, color, (outcome) => (outcome.state === 'unaffected' ? l10n.t`no AZ loss touches it` : l10n.t`worst with the ${describeScenario((outcome as WorstOutcome).scenario)}`)));
  const broken = simulations.flatMap((simulation) => simulation.applications.filter((item) => item.fate !== 'works').map((item) => ({ simulation, item })));
  out.push('', connectionsHeading());
  if (!broken.length) out.push(`  ${l10n.t`none: every connection keeps working, whichever AZ is lost.`}`);
  for (const simulation of simulations) {
    const items = simulation.applications.filter((item) => item.fate !== 'works');
    if (!items.length) continue;
    out.push(`  ${capitalize(simulation.description)}:`);
    for (const item of items) out.push(`    ${connectionLine(item)}`);
  }
  return out.join('\n') + '\n';
}

function table(outcomes: readonly DatabaseOutcome[], worstIn: ((outcome: DatabaseOutcome) => string) | undefined, color: boolean): string[] {
  const headers = [l10n.t`Database`, l10n.t`Service`, l10n.t`State`, l10n.t`Reads`, l10n.t`Writes`, 'RTO', 'RPO', ...(worstIn ? [l10n.t`Worst in`] : [])];
  const yes = l10n.t`yes`;
  const no = l10n.t`no`;
  const rows = outcomes.map((outcome) => [
    outcome.database,
    SERVICE_NAMES[outcome.service] ?? outcome.service,
    stateWord(outcome.state),
    outcome.reads ? yes : no,
    outcome.writes ? yes : no,
    outcome.rto.text,
    outcome.rpo.text,
    ...(worstIn ? [worstIn(outcome)] : []),
  ]);
  const widths = headers.map((header, column) => Math.max(terminalColumns(header), ...rows.map((row) => terminalColumns(row[column]))));
  const line = (cells: string[], state?: DatabaseOutcome['state']): string =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[column] - terminalColumns(cell)));
        return state !== undefined && column === 2 ? paint(padded, STATE_COLORS[state] ?? '0', color) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map((row, index) => line(row, outcomes[index].state))];
}

function details(outcomes: readonly DatabaseOutcome[], color: boolean, suffix?: (outcome: DatabaseOutcome) => string): string[] {
  const out: string[] = ['', l10n.t`What happens, and what the design could change`];
  for (const outcome of outcomes) {
    out.push('', paint(`${outcome.database}: ${stateWord(outcome.state)}${suffix ? ` (${suffix(outcome)})` : ''}`, '1', color));
    out.push(...wrap(outcome.explanation, '  '));
    for (const change of outcome.improvements) out.push(...wrap(change, '  - ', '    '));
  }
  return out;
}

function connections(applications: readonly ApplicationConnectionOutcome[]): string[] {
  const affected = applications.filter((item) => item.fate !== 'works');
  const out = ['', connectionsHeading()];
  if (!affected.length) out.push(`  ${l10n.t`none: every connection keeps working.`}`);
  for (const item of affected) out.push(`  ${connectionLine(item)}`);
  return out;
}

function connectionsHeading(): string {
  return l10n.t`Application connections that break or need a new endpoint`;
}

function connectionLine(item: ApplicationConnectionOutcome): string {
  const access = item.access === 'read' ? l10n.t`read` : l10n.t`read-write`;
  const how = item.endpoint && item.endpoint !== 'writer' ? `${access}, ${l10n.t`${item.endpoint} endpoint`}` : access;
  return `${item.application} -> ${item.to} (${how}): ${fateWord(item.fate)}${item.note ? `: ${item.note}` : ''}`;
}

/** Words wrapped at 100 columns, the first line after `first`, the others after `rest`. */
function wrap(text: string, first: string, rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + word.length + 1 > 100 && line.trim() !== first.trim()) {
      lines.push(line.trimEnd());
      line = rest;
    }
    line += (line === first || line === rest ? '' : ' ') + word;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function simulationJson(file: string, model: Architecture, topology: Topology, simulation: Simulation): unknown {
  return {
    file,
    name: model.name,
    scenario: simulation.scenario,
    description: simulation.description,
    databases: simulation.databases,
    nodes: Object.fromEntries(simulation.nodes),
    connections: simulation.connections.map((outcome) => {
      const edge = topology.edges[outcome.edgeIndex];
      return { ...outcome, from: edge.from, to: edge.to, kind: edge.kind };
    }),
    applications: simulation.applications,
  };
}

function allAzsJson(file: string, model: Architecture, scenarios: readonly FailureScenario[], worst: readonly WorstOutcome[], simulations: readonly Simulation[]): unknown {
  return {
    file,
    name: model.name,
    scenarios,
    worstCase: worst.map((outcome) => ({ ...outcome, description: describeScenario(outcome.scenario) })),
    simulations: simulations.map((simulation) => ({ scenario: simulation.scenario, description: simulation.description, databases: simulation.databases, applications: simulation.applications })),
  };
}

/** English starts a heading with a capital; other languages keep the text as translated (it may start with a name). */
function capitalize(text: string): string {
  return l10n.currentLocale() === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

