// Completion and hover over the text of an architecture file, editor-neutral: the schema's items
// from the language-service libraries plus dbarch's own (reference names, facts, summaries). The VS
// Code adapter (index.ts) only converts positions and results.
import type { SourceDocument } from '../../core/document';
import { lint, type LintResult } from '../../core/lint';
import { analyse } from './analysis';
import { placeAt } from './cursor';
import { Excerpt } from './excerpt';
import { factSuggestions } from './fact-suggestions';
import { domainHover } from './hovers';
import { referenceSuggestions } from './reference-suggestions';
import type { SchemaServices } from './schema-services';
import type { DocumentText, HoverInfo, Span, Suggestion } from './types';

/** Gives the schema services, loading them on first use; undefined when they cannot be loaded. */
export type SchemaServicesLoader = () => SchemaServices | undefined;

/** How one request is served. */
export interface RequestOptions {
  /** The latest lint of exactly this text, if there is one. */
  result?: LintResult;
  /**
   * The engine's read of this text, if the caller has one (the editor reads each version once, for
   * the lint and every request): no request then parses the whole text again.
   */
  read?: SourceDocument;
  /**
   * The editor's lint of this text, waited for when a hover needs findings and `result` is not of this
   * text; it gives undefined instead of a promise when the editor would not lint this text now (it lints
   * on save), and the hover then lints it on its own.
   */
  lint?: () => Promise<LintResult | undefined> | undefined;
  /** False when another provider already serves the schema's items for this document (see declared-schema.ts). */
  schemaItems?: boolean;
}

/** Completion and hover for architecture files. */
export class LanguageFeatures {
  /** `worthIt`: how many characters an excerpt must leave out to be used (excerpt.ts; tests lower it). */
  constructor(
    private readonly schemaServices: SchemaServicesLoader,
    private readonly worthIt?: number,
  ) {}

  /** The completion items at an offset: dbarch's first, then the schema's (without the ones dbarch already offers). */
  async complete(document: DocumentText, offset: number, options: RequestOptions = {}): Promise<Suggestion[]> {
    const { result, schemaItems = true } = options;
    const read = readOf(document, options);
    const excerpt = read && Excerpt.around(read, offset, this.worthIt);
    const place = placeAt(document.text, document.language, offset, { read, excerpt });
    let own: Suggestion[] = [];
    if (place?.part === 'value') {
      const analysis = analyse(document.text, document.language, { result, read });
      const site = { place, language: document.language, text: document.text };
      // In the order VS Code shows them (by sort text), so every client and test sees the same list.
      own = [...referenceSuggestions(site, analysis), ...factSuggestions(site, analysis)].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    }
    const schema = schemaItems ? await this.schemaCompletions(document, offset, excerpt) : [];
    const offered = new Set(own.map((suggestion) => suggestion.label));
    return [...own, ...schema.filter((suggestion) => !offered.has(unquoted(suggestion.label)))];
  }

  /** The hover at an offset: dbarch's summary or arithmetic first, then the schema's description. */
  async hover(document: DocumentText, offset: number, options: RequestOptions = {}): Promise<HoverInfo | undefined> {
    const { schemaItems = true } = options;
    const read = readOf(document, options);
    const excerpt = read && Excerpt.around(read, offset, this.worthIt);
    const place = placeAt(document.text, document.language, offset, { read, excerpt });
    const write = place ? domainHover(place) : undefined;
    const linted = write ? await lintOf(document, options) : undefined;
    const own = write && linted ? write(analyse(document.text, document.language, { result: linted, read })) : undefined;
    const schema = schemaItems ? await this.schemaHover(document, offset, excerpt) : undefined;
    const sections = [...(own ? [own] : []), ...(schema?.sections ?? [])];
    if (sections.length === 0) return undefined;
    return { sections, span: own && place ? place.span : schema?.span };
  }

  /** The schema services' items, asked of the excerpt when there is one (their parse is of the whole text they get). */
  private async schemaCompletions(document: DocumentText, offset: number, excerpt: Excerpt | undefined): Promise<Suggestion[]> {
    try {
      const services = this.schemaServices();
      if (!services) return [];
      const asked = askedOf(document, offset, excerpt);
      const suggestions = await services.complete(asked.document, asked.offset);
      return suggestions.map((suggestion) => (suggestion.replace ? { ...suggestion, replace: asked.spanToFile(suggestion.replace) } : suggestion));
    } catch (error) {
      // A library failure must not take dbarch's own suggestions with it.
      console.error('dbarch: schema completion failed', error);
      return [];
    }
  }

  private async schemaHover(document: DocumentText, offset: number, excerpt: Excerpt | undefined): Promise<HoverInfo | undefined> {
    try {
      const services = this.schemaServices();
      if (!services) return undefined;
      const asked = askedOf(document, offset, excerpt);
      const hover = await services.hover(asked.document, asked.offset);
      return hover && { ...hover, span: hover.span && asked.spanToFile(hover.span) };
    } catch (error) {
      console.error('dbarch: schema hover failed', error);
      return undefined;
    }
  }
}

/** What the schema services are asked about: the excerpt and its offset when there is one, with the way back to the file's spans. */
function askedOf(document: DocumentText, offset: number, excerpt: Excerpt | undefined): { document: DocumentText; offset: number; spanToFile: (span: Span) => Span } {
  const at = excerpt?.toExcerpt(offset);
  if (!excerpt || at === undefined) return { document, offset, spanToFile: (span) => span };
  return { document: { ...document, text: excerpt.text }, offset: at, spanToFile: (span) => excerpt.spanToFile(span) };
}

/** The read in the options when it is of this very text and notation. */
function readOf(document: DocumentText, options: RequestOptions): SourceDocument | undefined {
  const read = options.read ?? options.result?.document;
  return read && read.text === document.text && read.language === document.language ? read : undefined;
}

/**
 * The lint of this very text: the one given, else the editor's (waited for), else one run here. Undefined
 * when the editor's lint ended without one: the text changed meanwhile, and the hover is out of date.
 */
async function lintOf(document: DocumentText, options: RequestOptions): Promise<LintResult | undefined> {
  if (options.result?.document.text === document.text) return options.result;
  const editors = options.lint?.();
  if (editors) {
    const linted = await editors;
    return linted?.document.text === document.text ? linted : undefined;
  }
  return lint(document.text, { language: document.language, read: readOf(document, options) });
}

/** A JSON item's label carries its quotes (`"mysql"`); compare without them. */
function unquoted(label: string): string {
  return label.length >= 2 && label.startsWith('"') && label.endsWith('"') ? label.slice(1, -1) : label;
}
