// What activate() returns: a small API so integration tests wait on real events instead of sleeping.
import type * as vscode from 'vscode';
import type { LintResult } from '../core/lint';

/** One finished lint of one document version. */
export interface LintEvent {
  uri: vscode.Uri;
  version: number;
  result: LintResult;
}

/** The extension's API for tests and other extensions. */
export interface DbarchApi {
  /** Fires after every lint whose result was published (stale results are dropped, not fired). */
  onDidLint: vscode.Event<LintEvent>;
  /** The latest lint of exactly this document version, if there is one. */
  resultFor(document: vscode.TextDocument): LintResult | undefined;
  /** Resolves when the document's current version has been linted (lints it if needed). */
  waitForLint(document: vscode.TextDocument): Promise<LintResult>;
  /** Opens the topology preview of a document (beside the editor by default); resolves to its panel. */
  openPreview(uri?: vscode.Uri, toSide?: boolean): Promise<vscode.WebviewPanel | undefined>;
  /** How long activate() took, in milliseconds. */
  activationMs: number;
}
