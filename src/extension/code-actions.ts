// Code actions: the rule's quick fix (preferred), fix all of one rule, `source.fixAll.dbarch` (for
// `editor.codeActionsOnSave`), a suppression comment for the line (YAML), and the rule's docs.
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../core/findings';
import { nonOverlappingEdits } from '../core/fixes';
import type { LintResult } from '../core/lint';
import { toRange } from './linter';

/** `source.fixAll.dbarch`: every mechanical fix of the file. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('dbarch');

/** Offers dbarch's fixes for the diagnostics under the cursor and for the whole file. */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  /** `lints`: the finished lint of a document's version, and that lint, waited for or started. */
  constructor(
    private readonly lints: {
      resultFor(document: vscode.TextDocument): LintResult | undefined;
      current(document: vscode.TextDocument): Promise<LintResult | undefined>;
    },
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    // `source.fixAll` (on save) or `source.fixAll.dbarch`: the whole file.
    const fixAll = context.only !== undefined && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only));
    // Fixes are offsets into the linted text: only a result for this exact version may be applied. A
    // fix-all or an explicit request (Ctrl+.) that comes before that lint is done waits for it: a save
    // right after typing runs fix-on-save within the lint delay. The light bulb's automatic requests,
    // which follow the cursor while typing, take a finished lint only, so they never start one early.
    const waits = fixAll || context.triggerKind === vscode.CodeActionTriggerKind.Invoke;
    const version = document.version;
    const result = waits ? await this.lints.current(document) : this.lints.resultFor(document);
    if (!result || token.isCancellationRequested || document.version !== version) return [];
    if (fixAll) return this.fixAll(document, result.findings);
    // Kinds other than quick fixes: nothing of ours.
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    const offeredRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'dbarch') continue;
      const finding = findingOf(result.findings, diagnostic);
      if (!finding) continue;
      if (finding.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, finding.fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      if (offeredRules.has(finding.ruleId)) continue;
      offeredRules.add(finding.ruleId);
      const sameRule = result.findings.filter((other) => other.ruleId === finding.ruleId && other.fix);
      if (sameRule.length > 1) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all {0} problems in this file', finding.ruleId), vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, nonOverlappingEdits(sameRule));
        actions.push(action);
      }
      if (document.languageId === 'yaml' && finding.ruleId !== 'syntax' && finding.ruleId !== 'suppression') {
        actions.push(this.disableForLine(document, finding));
      }
      const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', finding.ruleId), vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'dbarch.showRuleDocs', title: docs.title, arguments: [finding.ruleId] };
      actions.push(docs);
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction[] {
    const fixable = findings.filter((finding) => finding.fix);
    if (fixable.length === 0) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all auto-fixable dbarch problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, nonOverlappingEdits(fixable));
    return [action];
  }

  /** `# dbarch-disable-next-line RULE -- reason` above the finding's line, the reason left to type. */
  private disableForLine(document: vscode.TextDocument, finding: Finding): vscode.CodeAction {
    const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', finding.ruleId), vscode.CodeActionKind.QuickFix);
    const line = document.lineAt(finding.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const edit = new vscode.WorkspaceEdit();
    const above = line.lineNumber > 0 ? document.lineAt(line.lineNumber - 1) : undefined;
    const existing = above && /^(\s*#\s*dbarch-disable-next-line\s+)([^-\n]*?)(\s*--.*)?$/.exec(above.text);
    if (above && existing) {
      // Add the rule to the comment that is already there.
      const end = existing[1].length + existing[2].length;
      edit.insert(document.uri, new vscode.Position(above.lineNumber, end), `, ${finding.ruleId}`);
    } else {
      // The placeholder the user types the reason over (snippet syntax: `$`, `}` and `\` escaped).
      const reason = vscode.l10n.t('reason').replace(/[$}\\]/g, '\\$&');
      const snippet = new vscode.SnippetString(`${indent}# dbarch-disable-next-line ${finding.ruleId} -- \${1:${reason}}\n`);
      edit.set(document.uri, [new vscode.SnippetTextEdit(new vscode.Range(line.lineNumber, 0, line.lineNumber, 0), snippet)]);
    }
    action.edit = edit;
    return action;
  }
}

/** The finding a diagnostic was made from. */
function findingOf(findings: readonly Finding[], diagnostic: vscode.Diagnostic): Finding | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return findings.find((finding) => finding.ruleId === code && finding.message === diagnostic.message && toRange(finding.range).isEqual(diagnostic.range));
}

function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.span.start), document.positionAt(change.span.end)), change.newText);
  return edit;
}
