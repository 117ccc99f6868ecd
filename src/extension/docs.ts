// Rule documentation: the Markdown pages shipped in the extension, opened in VS Code's preview.
import * as vscode from 'vscode';
import { rules } from '../core/rules';
import { SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, SYNTAX_RULE_ID } from '../core/findings';
import { localize } from '../core/l10n';

/** The docs page of a rule inside the extension. */
export function docsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  const segments = ruleId.split('/');
  segments[segments.length - 1] += '.md';
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', ...segments);
}

/** Every id that has a docs page. */
export function documentedRuleIds(): string[] {
  return [SYNTAX_RULE_ID, SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, ...rules.map((rule) => rule.meta.id)];
}

/** Opens a rule's page rendered; without an id, asks which rule. */
export async function showRuleDocs(extensionUri: vscode.Uri, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      [
        ...rules.map((rule) => ({ label: rule.meta.id, detail: localize(rule.meta.description) })),
        { label: SYNTAX_RULE_ID, detail: vscode.l10n.t('Text that is not valid YAML or JSON.') },
        { label: SCHEMA_RULE_ID, detail: vscode.l10n.t('Problems with the file format.') },
        { label: SUPPRESSION_RULE_ID, detail: vscode.l10n.t('Malformed suppression comments, or ones that silence nothing.') },
      ],
      { placeHolder: vscode.l10n.t('Which rule?'), matchOnDetail: true },
    );
    id = picked?.label;
  }
  if (!id || !documentedRuleIds().includes(id)) return;
  await vscode.commands.executeCommand('markdown.showPreview', docsUri(extensionUri, id));
}
