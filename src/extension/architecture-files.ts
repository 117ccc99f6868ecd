// Which documents are architecture files: `*.dbarch.{yaml,yml,json}` and the `dbarch.files` globs.
import * as vscode from 'vscode';

/** The file names dbarch always handles. */
export const ARCHITECTURE_PATTERN = '**/*.dbarch.{yaml,yml,json}';

/** A selector for every architecture file, built from the current settings. */
export function architectureSelector(): vscode.DocumentFilter[] {
  const extra = vscode.workspace.getConfiguration('dbarch').get<string[]>('files', []);
  const patterns = [ARCHITECTURE_PATTERN, ...extra.filter((pattern) => typeof pattern === 'string' && pattern.trim() !== '')];
  // Files on disk, on a remote, and in a virtual workspace: whatever scheme its folders use (vscode-vfs
  // on github.dev, vscode-test-web in @vscode/test-web). Not every scheme: a Git diff's `git:` side is
  // not the file.
  const schemes = new Set(['file', 'vscode-remote', 'vscode-vfs', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  return patterns.flatMap((pattern) => [...schemes].map((scheme) => ({ scheme, pattern })));
}

/** Whether a document is an architecture file (by name, or by the `dbarch.files` setting). */
export function isArchitectureDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml' && document.languageId !== 'json' && document.languageId !== 'jsonc') return false;
  // An untitled document (a new file from a template) counts when its first lines declare `dbarch: 1`.
  if (document.uri.scheme === 'untitled') return /^\s*\{?\s*"?dbarch"?\s*:\s*1\b/m.test(document.getText(new vscode.Range(0, 0, 20, 0)));
  return vscode.languages.match(architectureSelector(), document) > 0;
}
