// The dbarch- snippets: every one expands (with its default values, and with each of its choices) into
// content the schema accepts, the YAML and JSON sets describe the same designs, and none can be
// triggered without typing `dbarch-` (they are contributed to every YAML and JSON file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser';
import { lint, type LintResult } from '../../src/core/lint';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const root = join(__dirname, '..', '..');
const readSnippets = (file: string): Record<string, Snippet> => parseJsonc(readFileSync(join(root, 'snippets', file), 'utf8')) as Record<string, Snippet>;
const yamlSnippets = readSnippets('dbarch.yaml.json');
const jsonSnippets = readSnippets('dbarch.json.json');

// --- VS Code's snippet syntax, as much of it as the snippets use ---------------------------------

/** A piece of a parsed snippet body: literal text or a tab stop (with a default or a choice). */
type SnippetNode = { kind: 'text'; value: string } | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[] };

/**
 * Parses the body grammar of https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar:
 * `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}` and the escapes `\$`, `\}`, `\\`. Variables
 * (`$TM_FILENAME`, ...) throw: their value depends on the editor, so a snippet here must not use them.
 */
function parseSnippet(body: string): SnippetNode[] {
  let position = 0;
  const parseUntil = (stop: string | undefined): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (position < body.length) {
      const char = body[position];
      if (char === '\\' && '$}\\'.includes(body[position + 1] ?? '')) {
        text += body[position + 1];
        position += 2;
      } else if (stop !== undefined && char === stop) {
        flush();
        return nodes;
      } else if (char === '$') {
        flush();
        nodes.push(parseTabstop());
      } else {
        text += char;
        position += 1;
      }
    }
    if (stop !== undefined) throw new Error(`unclosed \${ in: ${body}`);
    flush();
    return nodes;
  };
  const parseTabstop = (): SnippetNode => {
    const simple = /^\$(\d+)/.exec(body.slice(position));
    if (simple) {
      position += simple[0].length;
      return { kind: 'tabstop', index: Number(simple[1]) };
    }
    const opening = /^\$\{(\d+)([:|}])/.exec(body.slice(position));
    if (!opening) throw new Error(`not a tab stop (variables are not allowed) at ${position} in: ${body}`);
    position += opening[0].length;
    const index = Number(opening[1]);
    if (opening[2] === '}') return { kind: 'tabstop', index };
    if (opening[2] === ':') {
      const placeholder = parseUntil('}');
      position += 1;
      return { kind: 'tabstop', index, placeholder };
    }
    const end = body.indexOf('|}', position);
    if (end < 0) throw new Error(`unclosed choice in: ${body}`);
    const choices = body
      .slice(position, end)
      .split(/(?<!\\),/)
      .map((choice) => choice.replace(/\\([,|\\$}])/g, '$1'));
    position = end + 2;
    return { kind: 'tabstop', index, choices };
  };
  return parseUntil(undefined);
}

/** The tab stops that offer a choice, with their options. */
function choicesOf(nodes: readonly SnippetNode[], found = new Map<number, string[]>()): Map<number, string[]> {
  for (const node of nodes) {
    if (node.kind !== 'tabstop') continue;
    if (node.choices && !found.has(node.index)) found.set(node.index, node.choices);
    if (node.placeholder) choicesOf(node.placeholder, found);
  }
  return found;
}

/**
 * The text VS Code inserts when every tab stop keeps its default (the first choice of a choice),
 * except the ones in `values`. As in VS Code, every occurrence of a tab stop mirrors the one that
 * carries its placeholder, and `$0` (the final cursor) inserts nothing.
 */
function expand(body: string, values: ReadonlyMap<number, string> = new Map()): string {
  const nodes = parseSnippet(body);
  const definitions = new Map<number, SnippetNode & { kind: 'tabstop' }>();
  const collect = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind !== 'tabstop') continue;
      if ((node.placeholder || node.choices) && !definitions.has(node.index)) definitions.set(node.index, node);
      if (node.placeholder) collect(node.placeholder);
    }
  };
  collect(nodes);
  const render = (list: readonly SnippetNode[], depth: number): string => {
    if (depth > 10) throw new Error(`tab stops refer to each other in a cycle in: ${body}`);
    return list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.index === 0) return '';
        const value = values.get(node.index);
        if (value !== undefined) return value;
        const definition = definitions.get(node.index);
        if (definition?.choices) return definition.choices[0];
        return definition?.placeholder ? render(definition.placeholder, depth + 1) : '';
      })
      .join('');
  };
  return render(nodes, 0);
}

// --- Where each snippet goes in a file -----------------------------------------------------------

type Section = 'file' | 'databases' | 'applications' | 'migrations';

/** The part of the file a snippet is written for, from its prefix. */
function sectionOf(prefix: string): Section {
  if (prefix === 'dbarch-file') return 'file';
  if (prefix === 'dbarch-application') return 'applications';
  if (prefix === 'dbarch-migration') return 'migrations';
  return 'databases';
}

/** A minimal production file with the expanded snippet where a person would type its prefix. */
function embedYaml(section: Section, expanded: string): string {
  if (section === 'file') return expanded;
  // VS Code indents every line after the first like the line the prefix was typed on.
  const indented = expanded
    .split('\n')
    .map((line) => (line ? '  ' + line : line))
    .join('\n');
  return `dbarch: 1\nname: snippet-check\nenvironment: production\nregion: us-east-1\n${section}:\n${indented}\n`;
}

function embedJson(section: Section, expanded: string): string {
  // VS Code turns a snippet's tabs into the editor's indentation.
  const body = expanded.replace(/\t/g, '  ');
  if (section === 'file') return body;
  const [open, close] = section === 'migrations' ? ['[', ']'] : ['{', '}'];
  return `{\n"dbarch": 1,\n"name": "snippet-check",\n"environment": "production",\n"region": "us-east-1",\n"${section}": ${open}\n${body}\n${close}\n}\n`;
}

function embed(language: 'yaml' | 'json', snippet: Snippet, values?: ReadonlyMap<number, string>): string {
  const expanded = expand(snippet.body.join('\n'), values);
  return language === 'yaml' ? embedYaml(sectionOf(snippet.prefix), expanded) : embedJson(sectionOf(snippet.prefix), expanded);
}

function lintAs(language: 'yaml' | 'json', text: string): LintResult {
  return lint(text, { fileName: `snippet-check.dbarch.${language}` });
}

/** The findings that mean the snippet wrote something the format does not accept. */
function formatProblems(result: LintResult): string[] {
  return result.findings
    .filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'syntax')
    .map((finding) => `${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.message}`);
}

const sets = [
  ['yaml', yamlSnippets],
  ['json', jsonSnippets],
] as const;

// --- The tests -----------------------------------------------------------------------------------

test('every snippet starts with dbarch-, has a description, and the YAML and JSON sets match', () => {
  for (const [language, snippets] of sets) {
    const prefixes = Object.values(snippets).map((snippet) => snippet.prefix);
    assert.ok(prefixes.length >= 11, `${language}: at least the eleven snippets of the brief`);
    assert.equal(new Set(prefixes).size, prefixes.length, `${language}: prefixes are unique`);
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.match(snippet.prefix, /^dbarch-[a-z-]+$/, `${language} ${name}: the prefix starts with dbarch-`);
      assert.match(snippet.description, /^dbarch: /, `${language} ${name}: the description says it is dbarch's`);
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${language} ${name}: has a body`);
    }
  }
  assert.deepEqual(
    Object.entries(jsonSnippets).map(([name, snippet]) => [name, snippet.prefix]),
    Object.entries(yamlSnippets).map(([name, snippet]) => [name, snippet.prefix]),
    'the JSON snippets are the YAML ones, in the same order',
  );
});

test('the snippets cover every service of the brief, an application and a DMS migration', () => {
  const services = new Set<string>();
  for (const snippet of Object.values(yamlSnippets)) {
    const data = lintAs('yaml', embed('yaml', snippet)).document.value as { databases?: Record<string, { service?: string }> };
    for (const database of Object.values(data.databases ?? {})) if (database.service) services.add(database.service);
  }
  for (const service of ['rds', 'aurora', 'dynamodb', 'elasticache', 'redshift', 'documentdb', 'neptune']) assert.ok(services.has(service), service);
  const prefixes = Object.values(yamlSnippets).map((snippet) => snippet.prefix);
  for (const prefix of ['dbarch-rds-replica', 'dbarch-application', 'dbarch-migration']) assert.ok(prefixes.includes(prefix), prefix);
  const replica = lintAs('yaml', embed('yaml', yamlSnippets['dbarch: RDS database with a read replica'])).model;
  assert.equal(replica?.elements.filter((element) => element.kind === 'replica').length, 1, 'the replica snippet writes a read replica');
  const table = lintAs('yaml', embed('yaml', yamlSnippets['dbarch: DynamoDB table'])).document.value as { databases: Record<string, { globalSecondaryIndexes?: unknown[] }> };
  assert.equal(Object.values(table.databases)[0].globalSecondaryIndexes?.length, 1, 'the DynamoDB snippet writes a GSI');
});

test('every snippet expanded with its defaults passes the schema, in YAML and in JSON', () => {
  for (const [language, snippets] of sets) {
    for (const [name, snippet] of Object.entries(snippets)) {
      const text = embed(language, snippet);
      const result = lintAs(language, text);
      assert.deepEqual(formatProblems(result), [], `${language} ${name}:\n${text}`);
      const section = sectionOf(snippet.prefix);
      const data = result.document.value as Record<string, unknown>;
      // Not vacuous: the snippet's entry is really in the file the engine read.
      if (section === 'migrations') assert.equal((data.migrations as unknown[]).length, 1, `${language} ${name}`);
      else if (section !== 'file') assert.equal(Object.keys(data[section] as object).length, 1, `${language} ${name}`);
      else assert.equal(result.model?.databases.length, 1, `${language} ${name}`);
    }
  }
});

test('every choice of every snippet passes the schema', () => {
  let checked = 0;
  for (const [language, snippets] of sets) {
    for (const [name, snippet] of Object.entries(snippets)) {
      for (const [index, options] of choicesOf(parseSnippet(snippet.body.join('\n')))) {
        for (const option of options) {
          const result = lintAs(language, embed(language, snippet, new Map([[index, option]])));
          assert.deepEqual(formatProblems(result), [], `${language} ${name}: \${${index}} = ${option}`);
          checked += 1;
        }
      }
    }
  }
  assert.ok(checked > 50, `${checked} choices checked`);
});

test('the YAML and the JSON snippet of each name write the same design', () => {
  for (const [name, snippet] of Object.entries(yamlSnippets)) {
    const fromYaml = lintAs('yaml', embed('yaml', snippet)).document.value;
    const fromJson = lintAs('json', embed('json', jsonSnippets[name])).document.value;
    assert.deepEqual(fromJson, fromYaml, name);
  }
});

test('the snippet expander follows VS Code: defaults, mirrors, nested placeholders, choices, escapes', () => {
  assert.equal(expand('${1:orders}: ${2|a,b|} ${1}-x $1 ${3:${1}-replica} \\$5 $0'), 'orders: a orders-x orders orders-replica $5 ');
  assert.equal(expand('${1:orders} ${2|a,b|}', new Map([[1, 'carts'], [2, 'b']])), 'carts b');
  assert.deepEqual([...choicesOf(parseSnippet('${1|x\\,y,z|}'))], [[1, ['x,y', 'z']]]);
  assert.throws(() => expand('$TM_FILENAME'), /variables are not allowed/);
});
