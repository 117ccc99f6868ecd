// The status bar item: the active architecture file's errors and warnings; a click opens Problems.
import * as vscode from 'vscode';
import type { LintResult } from '../core/lint';
import { isArchitectureDocument } from './architecture-files';

/** Shows the counts of the active editor's architecture file. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dbarch.status', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly resultFor: (document: vscode.TextDocument) => LintResult | undefined) {
    this.item.name = 'dbarch';
    this.item.command = 'workbench.actions.view.problems';
  }

  /** Refreshes for the active editor (call after a lint and when the active editor changes). */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isArchitectureDocument(document)) {
      this.item.hide();
      return;
    }
    const result = this.resultFor(document);
    if (!result) return; // keep the last counts until the new lint lands, so the item does not flicker
    const errors = result.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
    this.item.text = `$(database) $(error) ${errors} $(warning) ${warnings}`;
    const errorText = errors === 1 ? vscode.l10n.t('{count} error', { count: errors }) : vscode.l10n.t('{count} errors', { count: errors });
    const warningText = warnings === 1 ? vscode.l10n.t('{count} warning', { count: warnings }) : vscode.l10n.t('{count} warnings', { count: warnings });
    this.item.tooltip = `${vscode.l10n.t('dbarch: {errors}, {warnings} in this architecture file ({environment}).', { errors: errorText, warnings: warningText, environment: result.environment })} ${vscode.l10n.t('Click to open the Problems view.')}`;
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : warnings ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
