// SARIF 2.1.0, for code-scanning dashboards: one run, the rules that ran, and one result per finding.
import { pathToFileURL } from 'node:url';
import { SCHEMA_RULE_ID, SUPPRESSION_RULE_ID, SYNTAX_RULE_ID, type Severity } from '../../core/findings';
import * as l10n from '../../core/l10n';
import { severityIn } from '../../core/rules/rule';
import type { FileReport, FormatContext } from './types';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The checks that are not rules, described in the chosen language. */
function builtIn() {
  return [
    { id: SYNTAX_RULE_ID, description: l10n.t`The file is not valid YAML or JSON.`, level: 'error' as const },
    { id: SCHEMA_RULE_ID, description: l10n.t`The file does not follow the dbarch format (unknown key, wrong type, bad value, missing key).`, level: 'error' as const },
    { id: SUPPRESSION_RULE_ID, description: l10n.t`A suppression comment is malformed or silences nothing.`, level: 'note' as const },
  ];
}

/** Formats reports as a SARIF 2.1.0 log. */
export function formatSarif(reports: readonly FileReport[], context: FormatContext, cwd: string): string {
  const descriptors = [
    ...builtIn(),
    ...context.rules.map((meta) => {
      const production = severityIn(meta.severity, 'production');
      return { id: meta.id, description: l10n.localize(meta.description), level: production === 'off' ? ('none' as const) : levels[production] };
    }),
  ];
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const baseUri = pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href;
  const results = reports.flatMap((report) =>
    report.findings.map((finding) => {
      const uri = report.absolutePath.startsWith(cwd + '/') ? report.absolutePath.slice(cwd.length + 1).split('\\').join('/') : pathToFileURL(report.absolutePath).href;
      const artifactLocation = uri.startsWith('file:') ? { uri } : { uri, uriBaseId: 'SRCROOT' };
      return {
        ruleId: finding.ruleId,
        ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId) } : {}),
        level: levels[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: finding.range.start.line + 1,
                startColumn: finding.range.start.character + 1,
                endLine: finding.range.end.line + 1,
                endColumn: finding.range.end.character + 1,
              },
            },
          },
        ],
        ...(finding.related?.length
          ? {
              relatedLocations: finding.related.map((related, id) => ({
                id,
                message: { text: related.message },
                physicalLocation: {
                  artifactLocation,
                  region: {
                    startLine: related.range.start.line + 1,
                    startColumn: related.range.start.character + 1,
                    endLine: related.range.end.line + 1,
                    endColumn: related.range.end.character + 1,
                  },
                },
              })),
            }
          : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dbarch',
            version: context.version,
            semanticVersion: context.version,
            rules: descriptors.map((descriptor) => {
              const markdown = context.docsMarkdown(descriptor.id);
              return {
                id: descriptor.id,
                name: descriptor.id.replace(/(^|[/-])([a-z])/g, (_m, _s, c: string) => c.toUpperCase()),
                shortDescription: { text: descriptor.description },
                helpUri: context.docsUri(descriptor.id),
                ...(markdown ? { help: { text: descriptor.description, markdown } } : {}),
                defaultConfiguration: { level: descriptor.level },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
