// Templates from the shipped examples, and the small text decisions of a new file (its name, where the
// cursor goes). Pure: no `vscode`, so the unit tests run it in plain Node.
import { applyEdits, modify } from 'jsonc-parser';
import { languageOf, parseSource } from '../../core/document';
import * as l10n from '../../core/l10n';
import { lint } from '../../core/lint';
import type { Span } from '../../core/document/source';
import { isObject } from '../../core/shapes';
import type { Template } from './starters';

/** The example the walkthrough opens: a teaching file whose findings are the point. */
export const LEARNING_EXAMPLE = 'learning-mistakes.dbarch.yaml';

/**
 * The examples the package ships (examples/*.dbarch.*). The extension lists its folder where it can;
 * VS Code for the web serves extension files over HTTP, where a folder cannot be listed, so there it
 * reads these by name (test/unit/authoring-templates.test.ts keeps the list equal to the folder).
 */
export const SHIPPED_EXAMPLES: readonly string[] = ['game-leaderboard.dbarch.yaml', 'learning-mistakes.dbarch.yaml', 'multi-region.dbarch.json', 'oracle-to-aurora.dbarch.yaml', 'shop.dbarch.yaml'];

/** Example files that are not offered as templates; the learning example says "do not copy this file". */
const NOT_TEMPLATES = new Set([LEARNING_EXAMPLE]);

/** Whether a file name is an architecture file (`*.dbarch.yaml`, `*.dbarch.yml`, `*.dbarch.json`). */
export function isArchitectureFileName(fileName: string): boolean {
  return /\.dbarch\.(ya?ml|json)$/i.test(fileName);
}

/**
 * The template an example file offers, or undefined for files that are not templates. Its label and
 * detail are the file's own `name` and `description`, so a new or edited example needs no code change.
 */
export function exampleTemplate(fileName: string, text: string): Template | undefined {
  if (!isArchitectureFileName(fileName) || NOT_TEMPLATES.has(fileName)) return undefined;
  const language = languageOf(fileName, text);
  const data = parseSource(text, language).value;
  const field = (key: string): string | undefined => {
    const value = isObject(data) ? data[key] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return {
    id: `example:${fileName}`,
    label: field('name') ?? fileName.replace(/\.dbarch\.\w+$/, ''),
    description: l10n.t`example, ${language === 'json' ? 'JSON' : 'YAML'}`,
    detail: field('description') ?? fileName,
    fileName,
    language,
    text: language === 'json' ? withoutSchemaReference(text) : text,
  };
}

/** Adds "lints clean" or "3 errors, 2 warnings" to a template's description, so nobody starts from errors unawares. */
export function withLintSummary(template: Template): Template & { problems: number } {
  const { findings } = lint(template.text, { fileName: template.fileName });
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const parts: string[] = [];
  if (errors) parts.push(errors === 1 ? l10n.t('{count} error', { count: errors }) : l10n.t('{count} errors', { count: errors }));
  if (warnings) parts.push(warnings === 1 ? l10n.t('{count} warning', { count: warnings }) : l10n.t('{count} warnings', { count: warnings }));
  const summary = parts.length ? parts.join(', ') : l10n.t('lints clean');
  return { ...template, description: `${template.description} · ${summary}`, problems: errors + warnings };
}

/**
 * JSON examples point `$schema` at `../schemas/...`, a path that exists only inside dbarch's own
 * repository. In a user's folder it names nothing, and VS Code's JSON support would report "unable to
 * load schema" on a fresh file; dbarch validates the format itself, so the key goes.
 */
export function withoutSchemaReference(text: string): string {
  const edits = modify(text, ['$schema'], undefined, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return applyEdits(text, edits);
}

/**
 * The first of `orders.dbarch.yaml`, `orders-2.dbarch.yaml`, `orders-3.dbarch.yaml`, ... that is not
 * taken, so a new file never hides or overwrites one that exists or is already open.
 */
export function uniqueFileName(fileName: string, isTaken: (candidate: string) => boolean): string {
  const match = /^(.*?)(\.dbarch\.\w+)$/.exec(fileName) ?? /^(.*?)(\.[^.]*)?$/.exec(fileName);
  const stem = match?.[1] ?? fileName;
  const extension = match?.[2] ?? '';
  for (let counter = 1; ; counter++) {
    const candidate = counter === 1 ? fileName : `${stem}-${counter}${extension}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/**
 * Where the value of the top-level `name` is (without JSON's quotes): the new file selects it, so the
 * first thing typed renames the system.
 */
export function nameValueSpan(text: string, language: 'yaml' | 'json'): Span | undefined {
  const document = parseSource(text, language);
  const location = document.locate(['name'], 'value');
  if (!location.exact || location.isCollection) return undefined;
  const { start, end } = location.span;
  const quoted = (text[start] === '"' || text[start] === "'") && end - start >= 2 && text[end - 1] === text[start];
  return quoted ? { start: start + 1, end: end - 1 } : { start, end };
}

