// Writes what is derived from the rule registry, so it never drifts from the code: the config
// schema (rule ids with their descriptions), the rules table of docs/rules/README.md, and the
// metadata block at the top of every rule's docs page. `--check` reports drift instead of writing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../src/core/rules';
import { describeSeverity } from '../src/core/rules/describe';
import type { RuleMeta } from '../src/core/rules/rule';

const root = join(__dirname, '..');

/** The files the registry determines, with their expected content. */
export function generatedFiles(): { path: string; content: string }[] {
  const files = [
    { path: 'schemas/dbarch-config.schema.json', content: configSchema() },
    { path: 'docs/rules/README.md', content: rulesReadme() },
    { path: 'README.md', content: withRulesTable(readFileSync(join(root, 'README.md'), 'utf8')) },
  ];
  for (const rule of rules) {
    const path = `docs/rules/${rule.meta.id}.md`;
    const current = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined;
    if (current !== undefined) files.push({ path, content: withMetaBlock(current, rule.meta) });
  }
  return files;
}

const levels = ['off', 'info', 'warning', 'error'];

function configSchema(): string {
  const ruleProperties: Record<string, unknown> = {};
  const level = (description: string) => ({
    description,
    markdownDescription: description,
    enum: levels,
    enumDescriptions: ['Turn the rule off.', 'Report as information.', 'Report as a warning.', 'Report as an error (fails `dbarch lint`).'],
  });
  ruleProperties.schema = level('Problems with the file format: unknown keys, wrong types, bad values, missing keys. Default: error.');
  ruleProperties.suppression = level('Malformed suppression comments and ones that silence nothing. Default: warning / info.');
  for (const rule of rules) ruleProperties[rule.meta.id] = level(`${rule.meta.description} Default: ${describeSeverity(rule.meta.severity)}.`);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'dbarch configuration (.dbarch.json)',
    description: 'Settings for dbarch, found by walking up from each architecture file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON schema of this file.' },
      environment: {
        description: 'Lint every file as this environment, overriding the files\' own `environment`.',
        markdownDescription: 'Lint every file as this environment, overriding the files\' own `environment`.',
        enum: ['production', 'staging', 'development', 'test'],
      },
      rules: {
        description: 'The level of each rule: off, info, warning or error.',
        markdownDescription: 'The level of each rule: `off`, `info`, `warning` or `error`.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
      },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

function metaTable(meta: RuleMeta): string {
  return [
    '| Severity | Quick fix | Also checked by |',
    '|---|---|---|',
    `| ${describeSeverity(meta.severity)} | ${meta.fixable ? 'yes' : 'no'} | ${meta.anchors.length ? meta.anchors.join(', ') : '-'} |`,
  ].join('\n');
}

const START = '<!-- generated from the rule registry by `npm run generate`: do not edit between these markers -->';
const END = '<!-- end of generated -->';

function withMetaBlock(page: string, meta: RuleMeta): string {
  const block = `${START}\n${meta.description}\n\n${metaTable(meta)}\n${END}`;
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start >= 0 && end > start) return page.slice(0, start) + block + page.slice(end + END.length);
  const firstLineEnd = page.indexOf('\n');
  return `${page.slice(0, firstLineEnd + 1)}\n${block}\n${page.slice(firstLineEnd + 1)}`;
}

const TABLE_START = '<!-- rules table: generated from the rule registry by `npm run generate` -->';
const TABLE_END = '<!-- end of rules table -->';

/** The project README with its rules table (id, severity, fix, description) regenerated. */
function withRulesTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md lacks the rules table markers');
  const rows = rules.map((rule) => `| [${rule.meta.id}](docs/rules/${rule.meta.id}.md) | ${describeSeverity(rule.meta.severity)} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.description} |`);
  const table = ['| Rule | Severity | Fix | What it finds |', '|---|---|---|---|', ...rows].join('\n');
  return `${readme.slice(0, start)}${TABLE_START}\n${table}\n${readme.slice(end)}`;
}

function rulesReadme(): string {
  const rows = rules.map((rule) => `| [${rule.meta.id}](${rule.meta.id}.md) | ${describeSeverity(rule.meta.severity)} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.description} | ${rule.meta.anchors.join(', ') || '-'} |`);
  return [
    '# dbarch rules',
    '',
    `${rules.length} rules. Severities follow \`environment\` where a rule says so; \`.dbarch.json\` overrides any of them.`,
    'Besides these, `syntax` reports files that are not valid YAML or JSON, `schema` reports problems with the file format',
    '(see [schema.md](schema.md)), and `suppression` reports suppression comments that are malformed or silence nothing.',
    '',
    '| Rule | Severity | Fix | What it finds | Also checked by |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of generatedFiles()) {
    const path = join(root, file.path);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === file.content) continue;
    stale++;
    if (check) console.error(`${file.path} is out of date: run npm run generate`);
    else writeFileSync(path, file.content);
  }
  if (check && stale) process.exit(1);
}
