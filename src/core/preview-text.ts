// The words of the topology preview's page (toolbar, menus, banner, prompts, tooltips, the failure
// table's headings) in the configured language. The page cannot translate by itself: previewPage()
// puts this table into the page it builds, for the VS Code panel and for `dbarch diagram --html`
// alike, so a saved page speaks the CLI's --locale. Texts with `{name}` placeholders are templates
// the page fills in (webview/text.ts).
import type { DiagramDirection, DiagramView } from './mermaid';
import type { ConnectionFate, DatabaseState, NodeFate } from './failure/types';
import type { NodeRole } from './topology/topology';
import * as l10n from './l10n';

/** Every text of the preview's page. */
export interface PreviewText {
  toolbar: string;
  zoomOut: string;
  zoomIn: string;
  fit: string;
  actualSize: string;
  exportPng: string;
  exportSvg: string;
  copySource: string;
  layoutDirection: string;
  directions: Record<DiagramDirection, string>;
  show: string;
  wholeArchitecture: string;
  simulateFailure: string;
  noFailure: string;
  drawAnyway: string;
  drawing: string;
  /** `{nodes}`, `{edges}`: the first sentence of the too-large prompt. */
  tooLarge: string;
  tooLargeChoice: string;
  /** `{line}`, `{message}`. */
  problemLine: string;
  /** `{line}`, `{message}`, `{count}`: the first error and how many more. */
  problemLineMore: string;
  staleDiagram: string;
  noDiagramYet: string;
  fixErrorsFirst: string;
  nothingToDraw: string;
  /** `{reason}`. */
  renderFailed: string;
  renderFailedHint: string;
  /** `{nodes}`, `{links}`. */
  summaryDiagram: string;
  /** `{count}`. */
  errorOne: string;
  errorMany: string;
  warningOne: string;
  warningMany: string;
  infoCount: string;
  noFindings: string;
  /** `{count}`, for a node's accessible name. */
  findingOne: string;
  findingMany: string;
  roles: Record<NodeRole, string>;
  /** `{label}`, `{role}`: a node's accessible name. */
  nodeName: string;
  noNodeFindings: string;
  /** `{count}`. */
  moreFindings: string;
  /** `{line}`. */
  nodeLine: string;
  clickToReveal: string;
  fates: Record<NodeFate, string>;
  outcomesLabel: string;
  /** `{description}`: the failure, capitalised. */
  outcomesTitle: string;
  columns: { database: string; state: string; reads: string; writes: string; rto: string; rpo: string; improvements: string };
  yes: string;
  no: string;
  states: Record<DatabaseState, string>;
  applications: string;
  /** `{application}`, `{to}`, `{fate}`, `{note}`. */
  connection: string;
  connectionFates: Record<ConnectionFate, string>;
}

/** The preview's texts in the configured language (read at call time, never at load). */
export function previewText(): PreviewText {
  return {
    toolbar: l10n.t('Diagram'),
    zoomOut: l10n.t('Zoom out (-)'),
    zoomIn: l10n.t('Zoom in (+)'),
    fit: l10n.t('Fit to window (F)'),
    actualSize: l10n.t('Actual size (0)'),
    exportPng: l10n.t('Export PNG'),
    exportSvg: l10n.t('Export SVG'),
    copySource: l10n.t('Copy Mermaid source'),
    layoutDirection: l10n.t('Layout direction'),
    directions: { LR: l10n.t('Left to right'), TB: l10n.t('Top to bottom'), RL: l10n.t('Right to left'), BT: l10n.t('Bottom to top') },
    show: l10n.t('Show'),
    wholeArchitecture: l10n.t('Whole architecture'),
    simulateFailure: l10n.t('Simulate a failure'),
    noFailure: l10n.t('No failure'),
    drawAnyway: l10n.t('Draw everything anyway'),
    drawing: l10n.t('Drawing...'),
    tooLarge: l10n.t('This architecture has {nodes} nodes and {edges} connections: drawing all of it would take a long time.'),
    tooLargeChoice: l10n.t('Pick one Region or one database above, or draw everything anyway.'),
    problemLine: l10n.t('Line {line}: {message}'),
    problemLineMore: l10n.t('Line {line}: {message} (and {count} more)'),
    staleDiagram: l10n.t('The diagram shows the file as it last was without errors.'),
    noDiagramYet: l10n.t('The diagram appears once the file has no errors.'),
    fixErrorsFirst: l10n.t('Fix the errors in the file to see its diagram.'),
    nothingToDraw: l10n.t('Nothing to draw yet: add a database under `databases:`.'),
    renderFailed: l10n.t('The diagram could not be drawn: {reason}'),
    renderFailedHint: l10n.t('Copy the Mermaid source from the toolbar to inspect it.'),
    summaryDiagram: l10n.t('{nodes} nodes, {links} links'),
    errorOne: l10n.t('{count} error'),
    errorMany: l10n.t('{count} errors'),
    warningOne: l10n.t('{count} warning'),
    warningMany: l10n.t('{count} warnings'),
    infoCount: l10n.t('{count} info'),
    noFindings: l10n.t('no findings'),
    findingOne: l10n.t('{count} finding'),
    findingMany: l10n.t('{count} findings'),
    roles: {
      primary: l10n.t('primary'),
      standby: l10n.t('standby'),
      replica: l10n.t('replica'),
      storage: l10n.t('storage'),
      cache: l10n.t('cache'),
      analytics: l10n.t('analytics'),
      application: l10n.t('application'),
      external: l10n.t('external'),
    },
    nodeName: l10n.t('{label} ({role})'),
    noNodeFindings: l10n.t('No findings.'),
    moreFindings: l10n.t('and {count} more'),
    nodeLine: l10n.t('Line {line}.'),
    clickToReveal: l10n.t('Click to show it in the editor.'),
    fates: {
      up: l10n.t('Keeps running.'),
      failed: l10n.t('Fails in this scenario.'),
      promoted: l10n.t('Promoted: takes over the writes.'),
      degraded: l10n.t('Keeps running with less of itself.'),
      'read-only': l10n.t('Serves reads only.'),
    },
    outcomesLabel: l10n.t('What the failure does'),
    outcomesTitle: l10n.t('{description}: what happens'),
    columns: {
      database: l10n.t('Database'),
      state: l10n.t('After the failure'),
      reads: l10n.t('Reads'),
      writes: l10n.t('Writes'),
      rto: l10n.t('RTO'),
      rpo: l10n.t('RPO'),
      improvements: l10n.t('Could do better'),
    },
    yes: l10n.t('yes'),
    no: l10n.t('no'),
    states: {
      unaffected: l10n.t('unaffected'),
      'failed-over': l10n.t('failed over'),
      degraded: l10n.t('degraded'),
      'read-only': l10n.t('read-only'),
      down: l10n.t('down'),
    },
    applications: l10n.t('Applications'),
    connection: l10n.t('{application} -> {to}: {fate}. {note}'),
    connectionFates: {
      works: l10n.t('works'),
      broken: l10n.t('broken'),
      reconnect: l10n.t('needs a new endpoint'),
      degraded: l10n.t('degraded'),
    },
  };
}

/** A view's name in the preview's menu: `Whole architecture`, `Region eu-west-1`, `Database orders`. */
export function viewLabel(view: DiagramView): string {
  switch (view.kind) {
    case 'all':
      return l10n.t('Whole architecture');
    case 'region':
      return l10n.t`Region ${view.region}`;
    case 'database':
      return l10n.t`Database ${view.database}`;
  }
}
