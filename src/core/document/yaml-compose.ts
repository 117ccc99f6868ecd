// Composing a parsed YAML file in steps. The `yaml` package's composer turns the parser's syntax tree
// into the document in one call, which cannot pause: for a file of 1,000 databases that is the longest
// time the editor's lint holds the extension host. An architecture file is a few top-level sections
// (`databases`, `applications`, `migrations`), each a block mapping or list of items a few lines long,
// so the items of a large section are composed a batch at a time, and the document around them once,
// with each large section's items left out; the items are then put back. The result is the document
// the composer makes of the whole file: same nodes, same ranges (test/unit/yaml-compose.test.ts
// compares the two on every fixture, example, generated file and thousands of mutated files).
//
// Whatever could read differently in pieces falls back to the composer's single call: directives,
// more than one document, any error or warning, properties (anchors, tags) on a section, and comment
// lines that end a section's items anywhere but after its last one.
import { Composer, isMap, isSeq, YAMLParseError, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Steps } from '../steps';

/**
 * How many items of a section are composed between two pause points (a few milliseconds of work); a
 * section with no more items than this is composed with the rest of the document.
 */
export const ITEMS_PER_STEP = 40;

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type BlockCollection = CST.BlockMap | CST.BlockSequence;
type Collection = YAMLMap.Parsed | YAMLSeq.Parsed;

/** A top-level section whose items are composed in batches. */
interface Section {
  /** Its index among the items of the top-level mapping's syntax tree. */
  item: number;
  collection: BlockCollection;
}

/** A section's items, composed: what its collection node gets once the document around it is composed. */
interface ComposedSection {
  items: Collection['items'];
  range: [number, number, number];
  comment: string | undefined;
}

/**
 * The document the `yaml` composer makes of `tokens` (the parser's output for a text of `length`
 * characters), composed in steps when the file's shape allows, in one call otherwise.
 */
export function* composeDocumentSteps(tokens: readonly CST.Token[], length: number, options: Options, itemsPerStep = ITEMS_PER_STEP): Steps<Document.Parsed> {
  const plan = sectionsToSplit(tokens, itemsPerStep);
  if (plan) {
    const composed = yield* composeInPieces(tokens, plan, length, options, itemsPerStep);
    if (composed) return composed;
  }
  return composeWhole(tokens, length, options);
}

/** What `parseDocument` does with the tokens: the first document, and an error for any further one. */
export function composeWhole(tokens: readonly CST.Token[], length: number, options: Options): Document.Parsed {
  let document: Document.Parsed | undefined;
  for (const composed of new Composer(options).compose(tokens, true, length)) {
    if (!document) {
      document = composed;
      continue;
    }
    // As parseDocument reports a second document (describeYamlError gives it dbarch's own message).
    document.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
    break;
  }
  // compose(…, forceDoc = true) always yields a document, even for empty text.
  return document!;
}

/**
 * The top-level sections worth composing in batches (more items than one batch), or undefined when
 * the file must be composed in one call: it is not one document whose content is a block mapping, or
 * it has directives, or a section carries properties or comment lines the composer reads across items.
 */
function sectionsToSplit(tokens: readonly CST.Token[], itemsPerStep: number): Section[] | undefined {
  let document: CST.Document | undefined;
  for (const token of tokens) {
    if (token.type === 'document' && !document) document = token;
    else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space' && token.type !== 'byte-order-mark') return undefined;
  }
  const root = document?.value;
  if (root?.type !== 'block-map') return undefined;
  const sections: Section[] = [];
  root.items.forEach((item, index) => {
    const value = item.value;
    if (!value || (value.type !== 'block-map' && value.type !== 'block-seq') || value.items.length <= itemsPerStep) return;
    // An anchor or tag on the section would be read with its whole value.
    if (!item.sep || item.sep.some((token) => token.type === 'anchor' || token.type === 'tag')) return;
    // Comment lines the composer reads as an item of their own are kept only after the last item;
    // anywhere else the whole composer reports them, and the batches would not.
    if (value.items.slice(0, -1).some((entry) => holdsOnlyComments(entry, value.type))) return;
    sections.push({ item: index, collection: value });
  });
  return sections.length > 0 ? sections : undefined;
}

/** Whether the composer skips this item as comment lines (see resolveBlockMap and resolveBlockSeq in `yaml`). */
function holdsOnlyComments(item: BlockCollection['items'][number], kind: BlockCollection['type']): boolean {
  const marked = item.start.some((token) => token.type === 'anchor' || token.type === 'tag' || token.type === (kind === 'block-map' ? 'explicit-key-ind' : 'seq-item-ind'));
  if (marked) return false;
  return kind === 'block-map' ? !item.sep : !item.value;
}

/** The document composed in pieces, or undefined when a piece is not exactly what the whole composer would make. */
function* composeInPieces(tokens: readonly CST.Token[], sections: readonly Section[], length: number, options: Options, itemsPerStep: number): Steps<Document.Parsed | undefined> {
  const composed = new Map<number, ComposedSection>();
  for (const section of sections) {
    const items = yield* composeItems(section.collection, options, itemsPerStep);
    if (!items) return undefined;
    composed.set(section.item, items);
  }

  // The document with each split section's items left out. The empty collection starts where the
  // section's items end, so the items after it see the same offsets as in the whole composition.
  const skeleton = tokens.map((token): CST.Token => {
    if (token.type !== 'document' || token.value?.type !== 'block-map') return token;
    const root = token.value;
    const items = root.items.map((item, index) => {
      const section = composed.get(index);
      if (!section || !item.value) return item;
      return { ...item, value: { ...(item.value as BlockCollection), offset: section.range[2], items: [] } } as typeof item;
    });
    return { ...token, value: { ...root, items } };
  });
  const document = composeWhole(skeleton, length, options);
  if (document.errors.length > 0 || document.warnings.length > 0 || !isMap(document.contents)) return undefined;

  const root = (tokens.find((token) => token.type === 'document') as CST.Document).value as CST.BlockMap;
  let pair = 0;
  for (const [index, item] of root.items.entries()) {
    if (holdsOnlyComments(item, 'block-map')) continue;
    const section = composed.get(index);
    const node = document.contents.items[pair++]?.value;
    if (!section) continue;
    if (!(isMap(node) || isSeq(node)) || node.items.length > 0 || node.flow) return undefined;
    (node.items as unknown[]).push(...section.items);
    node.range = section.range;
    if (section.comment !== undefined) node.comment = section.comment;
  }
  return document;
}

/**
 * A section's items composed a batch at a time, each batch as the single content of a document of its
 * own. A batch starts at the offset where the composer would be after the item before it; undefined
 * when a batch has an error or warning, or comment lines close a batch other than the last.
 */
function* composeItems(collection: BlockCollection, options: Options, itemsPerStep: number): Steps<ComposedSection | undefined> {
  const items: unknown[] = [];
  let offset = collection.offset;
  let last: Collection | undefined;
  for (let first = 0; first < collection.items.length; first += itemsPerStep) {
    const batch = { ...collection, offset, items: collection.items.slice(first, first + itemsPerStep) } as BlockCollection;
    const piece: CST.Document = { type: 'document', offset, start: [], value: batch };
    const document = composeWhole([piece], collection.offset, options);
    const node = document.contents;
    if (document.errors.length > 0 || document.warnings.length > 0 || !(isMap(node) || isSeq(node))) return undefined;
    // Comment lines after the batch's last item: only the section's end may have them.
    if (last && (last.range[2] !== last.range[1] || last.comment !== undefined)) return undefined;
    items.push(...node.items);
    offset = node.range[1];
    last = node;
    yield;
  }
  if (!last) return undefined;
  return { items: items as Collection['items'], range: [collection.offset, last.range[1], last.range[2]], comment: last.comment ?? undefined };
}
