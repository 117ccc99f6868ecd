// Live diagnostics: lints architecture files as they change (debounced), drops results that a newer
// edit has made stale, and publishes one DiagnosticCollection. The engine does the work; this class
// only schedules it and translates findings.
import * as vscode from 'vscode';
import { lintInSlices, sizeLimitResult, type LintResult } from '../core/lint';
import { languageOf, parseSource, type SourceDocument } from '../core/document';
import { SUPPRESSION_RULE_ID, type Finding } from '../core/findings';
import type { LintEvent } from './api';
import { isArchitectureDocument } from './architecture-files';
import { ConfigFiles, effectiveConfig } from './config-files';
import { docsUri } from './docs';

/**
 * Past this size a lint takes over a second on a slow machine (bench/README.md: about 1 s for 1,000
 * databases, 879 KB). It runs in slices, so the extension host stays responsive, but a file this
 * large is linted again after every pause in typing; the `dbarch.maxFileSizeKB` setting raises or
 * lowers the bound.
 */
const DEFAULT_MAX_FILE_SIZE_KB = 1024;

/** Lints open architecture documents and keeps their latest results. */
export class Linter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('dbarch');
  private readonly results = new Map<string, { version: number; result: LintResult }>();
  /**
   * Per file, the last read that a lint can build on: one without problems. A lint of text with a
   * syntax error (a key half typed) is not, and the next lint builds on the read before it instead.
   */
  private readonly cleanReads = new Map<string, SourceDocument>();
  /** Per file, a read of its current version made before its lint (see readFor). */
  private readonly reads = new Map<string, { version: number; read: SourceDocument }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document, the number of the latest lint started; an older lint's result is dropped. */
  private readonly generations = new Map<string, number>();
  /** Per document, the lint running now: a second request for the same version waits for it. */
  private readonly running = new Map<string, { version: number; generation: number; result: Promise<LintResult | undefined> }>();
  private readonly emitter = new vscode.EventEmitter<LintEvent>();
  readonly onDidLint = this.emitter.event;
  readonly configFiles = new ConfigFiles();
  private readonly configDiagnostics = new Set<string>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The latest result for exactly this version of the document. */
  resultFor(document: vscode.TextDocument): LintResult | undefined {
    const entry = this.results.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.result : undefined;
  }

  /**
   * The engine's read of exactly this version of the document: its lint's, or one made now and kept for
   * the lint of this version, so a version is parsed once for the lint and every completion and hover
   * on it. After an edit the read builds on the last clean one: only the edited item is parsed.
   */
  readFor(document: vscode.TextDocument): SourceDocument {
    // (Not the stand-in read of a file over the size limit, which parsed nothing.)
    const result = this.resultFor(document);
    if (result?.document.tree) return result.document;
    const key = document.uri.toString();
    const kept = this.reads.get(key);
    if (kept?.version === document.version) return kept.read;
    const text = document.getText();
    const read = parseSource(text, languageOf(document.uri.path, text), this.cleanReads.get(key));
    this.reads.set(key, { version: document.version, read });
    this.keepIfClean(key, read);
    return read;
  }

  /** The result for this version of the document, linting it now (or waiting for its lint) if need be. */
  async current(document: vscode.TextDocument): Promise<LintResult | undefined> {
    return this.resultFor(document) ?? (await this.lintNow(document));
  }

  /** Lints after the configured pause; repeated calls restart the pause. */
  schedule(document: vscode.TextDocument): void {
    if (!isArchitectureDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = vscode.workspace.getConfiguration('dbarch').get<number>('lintDelay', 250);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lintNow(document);
      }, delay),
    );
  }

  /**
   * Lints a document now and publishes the result unless a newer edit arrived meanwhile. The lint runs
   * in slices of a few milliseconds (core/steps.ts), so a large file never holds up the extension host
   * for long; it stops at its next pause once the document changes or closes. A request for the version
   * being linted already gets that lint's result; `restart` starts over (the configuration changed).
   */
  lintNow(document: vscode.TextDocument, restart = false): Promise<LintResult | undefined> {
    if (!isArchitectureDocument(document) || document.isClosed) return Promise.resolve(undefined);
    const key = document.uri.toString();
    const running = this.running.get(key);
    if (running && running.version === document.version && !restart) return running.result;
    // Linted already (a hover asked for this version before the pause after typing ended).
    const done = this.resultFor(document);
    if (done && !restart) return Promise.resolve(done);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const result = this.lintVersion(document, key, generation);
    this.running.set(key, { version: document.version, generation, result });
    // (The caller sees a rejection, if one ever came; this bookkeeping must not report it again.)
    result
      .finally(() => {
        if (this.running.get(key)?.generation === generation) this.running.delete(key);
      })
      .catch(() => undefined);
    return result;
  }

  private async lintVersion(document: vscode.TextDocument, key: string, generation: number): Promise<LintResult | undefined> {
    const version = document.version;
    const stale = (): boolean => this.generations.get(key) !== generation || document.version !== version || document.isClosed;
    // A lint of the same version that started over (the configuration changed) answers for this one.
    const replaced = (): Promise<LintResult | undefined> | undefined => {
      const newer = this.running.get(key);
      return newer && newer.generation !== generation && newer.version === version && !document.isClosed ? newer.result : undefined;
    };
    const configFile = await this.configFiles.nearest(document.uri);
    if (configFile) this.publishConfigProblems(configFile.uri, configFile.findings);
    // The configuration lookup awaited: the document may have changed or closed since.
    if (stale()) return replaced();
    const text = document.getText();
    const limitKB = vscode.workspace.getConfiguration('dbarch').get<number>('maxFileSizeKB', DEFAULT_MAX_FILE_SIZE_KB);
    const result =
      text.length > limitKB * 1024
        ? sizeLimitResult(text, { fileName: document.uri.path, limitKB })
        : await lintInSlices(
            text,
            {
              fileName: document.uri.path,
              config: effectiveConfig(configFile?.findings.length ? undefined : configFile?.config),
              // After a typical edit only the edited item is parsed again (core/document/yaml-edit.ts).
              earlier: this.cleanReads.get(key),
              read: readOfVersion(this.reads.get(key), version),
            },
            { cancelled: stale },
          );
    if (!result || stale()) return replaced();
    this.results.set(key, { version, result });
    // The lint's read now answers for this version (resultFor), and no newer version was read yet (not stale).
    this.reads.delete(key);
    this.keepIfClean(key, result.document);
    this.diagnostics.set(document.uri, result.findings.map((finding) => this.toDiagnostic(finding, document.uri, text)));
    this.emitter.fire({ uri: document.uri, version, result });
    return result;
  }

  /** Keeps a read without problems as the one the next read builds on. */
  private keepIfClean(key: string, read: SourceDocument): void {
    if (read.tree && read.problems.length === 0 && read.duplicateKeys.length === 0) this.cleanReads.set(key, read);
  }

  /** Forgets a closed document. */
  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.cleanReads.delete(key);
    this.reads.delete(key);
    this.generations.delete(key);
    this.running.delete(key);
    this.diagnostics.delete(document.uri);
  }

  /** Re-lints every open architecture document (after a setting or a configuration file changed). */
  relintAll(): void {
    this.configFiles.clear();
    for (const uri of this.configDiagnostics) this.diagnostics.delete(vscode.Uri.parse(uri));
    this.configDiagnostics.clear();
    for (const document of vscode.workspace.textDocuments) {
      if (isArchitectureDocument(document)) void this.lintNow(document, true);
      else if (this.results.has(document.uri.toString())) this.forget(document);
    }
  }

  private publishConfigProblems(uri: vscode.Uri, findings: Finding[]): void {
    if (findings.length === 0 && !this.configDiagnostics.has(uri.toString())) return;
    this.configDiagnostics.add(uri.toString());
    this.diagnostics.set(uri, findings.map((finding) => this.toDiagnostic(finding, uri)));
  }

  private toDiagnostic(finding: Finding, uri: vscode.Uri, text?: string): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITIES[finding.severity]);
    diagnostic.source = 'dbarch';
    diagnostic.code = { value: finding.ruleId, target: docsUri(this.extensionUri, finding.ruleId) };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(related.range)), related.message));
    }
    if (text !== undefined && isIdleRuleName(finding, text)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
    return diagnostic;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.diagnostics.dispose();
    this.emitter.dispose();
  }
}

/** A kept read, if it is of this version. */
function readOfVersion(kept: { version: number; read: SourceDocument } | undefined, version: number): SourceDocument | undefined {
  return kept?.version === version ? kept.read : undefined;
}

const SEVERITIES = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/**
 * A suppression finding on one rule name of its comment: a name that is no rule, or a rule that reports
 * nothing there. That name does nothing, so the editor fades it. (Decided by where the finding is, not
 * by its message, which is in the user's language: the suppression's other findings cover the whole
 * comment, from its `#`.)
 */
function isIdleRuleName(finding: Finding, text: string): boolean {
  return finding.ruleId === SUPPRESSION_RULE_ID && finding.span.end > finding.span.start && text[finding.span.start] !== '#';
}

/** An engine range as a VS Code range (both are 0-based lines and UTF-16 characters). */
export function toRange(range: Finding['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
