// Authoring help: "dbarch: New architecture file", the walkthrough's commands. (The snippets and the
// walkthrough itself are contributions in package.json; they need no code.)
import * as vscode from 'vscode';
import { AUTHORING_COMMANDS } from './commands';
import { newArchitectureFile, templateCatalog } from './new-file';
import { LearningExample } from './walkthrough';

export { AUTHORING_COMMANDS, FIX_APPLIED_CONTEXT } from './commands';

/** Registers the authoring commands; activate() calls it once. */
export function registerAuthoring(context: vscode.ExtensionContext): void {
  const example = new LearningExample(context.extensionUri);
  const catalog = templateCatalog(context.extensionUri);
  context.subscriptions.push(
    example,
    // The argument lets tests and links skip the picker: `starter:rds`, `example:multi-region.dbarch.json`.
    // Menus may pass other arguments (a Uri, a context object), which mean "ask".
    vscode.commands.registerCommand(AUTHORING_COMMANDS.newFile, (templateId?: unknown) =>
      newArchitectureFile(catalog, typeof templateId === 'string' ? templateId : undefined),
    ),
    vscode.commands.registerCommand(AUTHORING_COMMANDS.openExample, () => example.open()),
    vscode.commands.registerCommand(AUTHORING_COMMANDS.showQuickFix, () => example.showQuickFix()),
  );
}
