// Reading an architecture file: the notation is chosen from the file name, else from the text.
import { SourceDocument, type DocumentLanguage } from './document';
import { parseJson } from './json';
import { nestedTooDeeply, parseYamlSteps } from './yaml';
import { rereadYaml } from './yaml-edit';
import * as l10n from '../l10n';
import { runSteps, type Steps } from '../steps';

export * from './document';
export * from './source';

/** Which notation a file is written in: `.json` files are JSON, everything else YAML. */
export function languageOf(fileName: string | undefined, text: string): DocumentLanguage {
  if (fileName) return /\.json$/i.test(fileName) ? 'json' : 'yaml';
  return /^\s*[{[]/.test(text) && !/^\s*\{[^}\n]*\}\s*\n\s*\S/.test(text) ? 'json' : 'yaml';
}

/**
 * Parses text into a SourceDocument; never throws, whatever the text. Given the document of an earlier
 * version of the same file, a YAML parse reads again only the item an edit is in, when it can (see
 * yaml-edit.ts); the result is the same either way.
 */
export function parseSource(text: string, language: DocumentLanguage, earlier?: SourceDocument): SourceDocument {
  return runSteps(parseSourceSteps(text, language, earlier));
}

/** `rereadYaml`, with any failure of it a reason to read the whole text rather than a finding. */
function rereadAfterEdit(earlier: SourceDocument, text: string): ReturnType<typeof rereadYaml> {
  try {
    return rereadYaml(earlier, text);
  } catch {
    return undefined;
  }
}

/** `parseSource` in steps (see steps.ts): a YAML parse may pause (JSON parses fast enough in one go). */
export function* parseSourceSteps(text: string, language: DocumentLanguage, earlier?: SourceDocument): Steps<SourceDocument> {
  try {
    // The yaml package skips a byte-order mark itself; for JSON a space keeps every offset the same.
    const again = language === 'yaml' && earlier?.language === 'yaml' ? rereadAfterEdit(earlier, text) : undefined;
    const parsed = language === 'json' ? parseJson(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text) : (again ?? (yield* parseYamlSteps(text)));
    return new SourceDocument(text, language, parsed.value, parsed.problems, parsed.duplicateKeys, parsed.tree, again?.lines);
  } catch (error) {
    // The parsers recurse per nesting level; a pathological file can exhaust the stack.
    const tooDeep = error instanceof RangeError;
    const message = tooDeep ? nestedTooDeeply() : l10n.t('The file could not be read: {error}', { error: error instanceof Error ? error.message : String(error) });
    return new SourceDocument(text, language, undefined, [{ message, span: { start: 0, end: Math.min(1, text.length) }, severity: 'error' }], [], undefined);
  }
}
