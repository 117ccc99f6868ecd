// `.dbarch.json` discovery in the workspace (the nearest one above a file wins, as in the CLI), merged
// with the `dbarch.rules` and `dbarch.environment` settings, which win over the file.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, readConfig, type LintConfig } from '../core/config';
import type { Environment, Finding, Level } from '../core/findings';

/** A configuration file that was read, with its problems (shown as diagnostics on it). */
export interface ConfigFile {
  uri: vscode.Uri;
  config: LintConfig;
  findings: Finding[];
}

/** Finds and caches configuration files; call `clear()` when one changes. */
export class ConfigFiles {
  private readonly byDirectory = new Map<string, Promise<ConfigFile | undefined>>();

  clear(): void {
    this.byDirectory.clear();
  }

  /** The nearest `.dbarch.json` at or above the document, inside its workspace folder. */
  async nearest(uri: vscode.Uri): Promise<ConfigFile | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme === 'untitled') return undefined;
    let directory = vscode.Uri.joinPath(uri, '..');
    // Never read above the workspace folder: what lies outside is not the user's project.
    while (directory.path.length >= folder.uri.path.length) {
      const found = await this.inDirectory(directory);
      if (found) return found;
      if (directory.path === folder.uri.path) break;
      directory = vscode.Uri.joinPath(directory, '..');
    }
    return undefined;
  }

  private inDirectory(directory: vscode.Uri): Promise<ConfigFile | undefined> {
    const key = directory.toString();
    let pending = this.byDirectory.get(key);
    if (!pending) {
      pending = read(vscode.Uri.joinPath(directory, CONFIG_FILE_NAME));
      this.byDirectory.set(key, pending);
    }
    return pending;
  }
}

async function read(uri: vscode.Uri): Promise<ConfigFile | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File) return undefined;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const { config, findings } = readConfig(text);
    return { uri, config, findings };
  } catch {
    return undefined;
  }
}

/** The configuration a lint uses: the file's, then the settings on top. */
export function effectiveConfig(file: LintConfig | undefined): LintConfig {
  const settings = vscode.workspace.getConfiguration('dbarch');
  const environment = settings.get<Environment | null>('environment') ?? undefined;
  const rules = settings.get<Record<string, Level>>('rules') ?? {};
  return {
    environment: environment ?? file?.environment,
    rules: { ...file?.rules, ...rules },
  };
}
