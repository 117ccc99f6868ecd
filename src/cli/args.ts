// Command-line arguments: a small parser with clear messages, so a typo in a flag is a usage error (exit 2).
import * as l10n from '../core/l10n';
import { closest } from '../core/text';

/** A flag the CLI understands: whether it takes a value. */
export interface FlagSpec {
  name: string;
  takesValue: boolean;
  values?: readonly string[];
}

/** Positional arguments and flag values, or a usage error. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Thrown for bad usage; the CLI prints the message and exits with 2. */
export class UsageError extends Error {}

/** Parses `--flag value`, `--flag=value` and positionals against the known flags. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      positionals.push(argument);
      continue;
    }
    const [rawName, inlineValue] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const name = rawName.replace(/^--?/, '');
    const spec = byName.get(name);
    if (!spec) {
      const suggestion = closest(name, byName.keys());
      throw new UsageError(suggestion ? l10n.t('Unknown option `{option}`; did you mean `--{suggestion}`?', { option: rawName, suggestion }) : l10n.t('Unknown option `{option}`.', { option: rawName }));
    }
    if (!spec.takesValue) {
      if (inlineValue !== undefined) throw new UsageError(l10n.t('`--{flag}` takes no value.', { flag: name }));
      flags.set(name, true);
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) throw new UsageError(l10n.t('`--{flag}` needs a value.', { flag: name }));
    if (spec.values && !spec.values.includes(value)) {
      const suggestion = closest(value, spec.values);
      const values = spec.values.join(', ');
      throw new UsageError(
        suggestion
          ? l10n.t('`--{flag}` must be one of {values}; did you mean `{suggestion}`?', { flag: name, values, suggestion })
          : l10n.t('`--{flag}` must be one of {values}.', { flag: name, values }),
      );
    }
    flags.set(name, value);
  }
  return { positionals, flags };
}
