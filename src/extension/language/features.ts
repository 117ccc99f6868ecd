// Completion and hover over the text of an architecture file, editor-neutral: the schema's items
// from the language-service libraries plus dbarch's own (reference names, facts, summaries). The VS
// Code adapter (index.ts) only converts positions and results.
import type { LintResult } from '../../core/lint';
import { analyse } from './analysis';
import { placeAt } from './cursor';
import { factSuggestions } from './fact-suggestions';
import { domainHover } from './hovers';
import { referenceSuggestions } from './reference-suggestions';
import type { SchemaServices } from './schema-services';
import type { DocumentText, HoverInfo, Suggestion } from './types';

/** Gives the schema services, loading them on first use; undefined when they cannot be loaded. */
export type SchemaServicesLoader = () => SchemaServices | undefined;

/** How one request is served. */
export interface RequestOptions {
  /** The latest lint of exactly this text, if there is one. */
  result?: LintResult;
  /** False when another provider already serves the schema's items for this document (see declared-schema.ts). */
  schemaItems?: boolean;
}

/** Completion and hover for architecture files. */
export class LanguageFeatures {
  constructor(private readonly schemaServices: SchemaServicesLoader) {}

  /** The completion items at an offset: dbarch's first, then the schema's (without the ones dbarch already offers). */
  async complete(document: DocumentText, offset: number, options: RequestOptions = {}): Promise<Suggestion[]> {
    const { result, schemaItems = true } = options;
    const place = placeAt(document.text, document.language, offset);
    let own: Suggestion[] = [];
    if (place?.part === 'value') {
      const analysis = analyse(document.text, document.language, result);
      const site = { place, language: document.language, text: document.text };
      // In the order VS Code shows them (by sort text), so every client and test sees the same list.
      own = [...referenceSuggestions(site, analysis), ...factSuggestions(site, analysis)].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    }
    const schema = schemaItems ? await this.schemaCompletions(document, offset) : [];
    const offered = new Set(own.map((suggestion) => suggestion.label));
    return [...own, ...schema.filter((suggestion) => !offered.has(unquoted(suggestion.label)))];
  }

  /** The hover at an offset: dbarch's summary or arithmetic first, then the schema's description. */
  async hover(document: DocumentText, offset: number, options: RequestOptions = {}): Promise<HoverInfo | undefined> {
    const { result, schemaItems = true } = options;
    const place = placeAt(document.text, document.language, offset);
    const own = place ? domainHover(place, () => analyse(document.text, document.language, result, true)) : undefined;
    const schema = schemaItems ? await this.schemaHover(document, offset) : undefined;
    const sections = [...(own ? [own] : []), ...(schema?.sections ?? [])];
    if (sections.length === 0) return undefined;
    return { sections, span: own && place ? place.span : schema?.span };
  }

  private async schemaCompletions(document: DocumentText, offset: number): Promise<Suggestion[]> {
    try {
      return (await this.schemaServices()?.complete(document, offset)) ?? [];
    } catch (error) {
      // A library failure must not take dbarch's own suggestions with it.
      console.error('dbarch: schema completion failed', error);
      return [];
    }
  }

  private async schemaHover(document: DocumentText, offset: number): Promise<HoverInfo | undefined> {
    try {
      return await this.schemaServices()?.hover(document, offset);
    } catch (error) {
      console.error('dbarch: schema hover failed', error);
      return undefined;
    }
  }
}

/** A JSON item's label carries its quotes (`"mysql"`); compare without them. */
function unquoted(label: string): string {
  return label.length >= 2 && label.startsWith('"') && label.endsWith('"') ? label.slice(1, -1) : label;
}
