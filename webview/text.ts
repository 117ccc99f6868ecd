// The preview's words: the table the page was built with (src/core/preview-text.ts, put on the app
// element by previewPage() in the host's or the CLI's language), over the English defaults.
import { previewText, type PreviewText } from '../src/core/preview-text';

/** The words of this page. */
export const text: PreviewText = readText();

function readText(): PreviewText {
  const english = previewText();
  const data = document.getElementById('app')?.dataset.text;
  if (!data) return english;
  try {
    const given = JSON.parse(data) as Partial<PreviewText>;
    const merged: Record<string, unknown> = { ...english };
    for (const [key, value] of Object.entries(given)) {
      const fallback = (english as unknown as Record<string, unknown>)[key];
      if (typeof value === 'string' && typeof fallback === 'string') merged[key] = value;
      else if (value && typeof value === 'object' && fallback && typeof fallback === 'object') merged[key] = { ...fallback, ...onlyStrings(value) };
    }
    return merged as unknown as PreviewText;
  } catch {
    return english;
  }
}

function onlyStrings(value: object): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A template of the table with its `{name}` placeholders filled in (a value is never read again). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([^{}]+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}
