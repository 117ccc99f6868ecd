// arch/unknown-region: a Region code that is not one of the Regions AWS has.
import { AWS_REGIONS } from '../../facts';
import { editDistance, orList } from '../../text';
import * as l10n from '../../l10n';
import { writtenRegions } from '../helpers/arch';
import { defineRule } from '../rule';

const known: ReadonlySet<string> = new Set(AWS_REGIONS.value);

/** Codes compare without hyphens (`apnortheast2`), as closest() in text.ts does. */
function bare(code: string): string {
  return code.replace(/-/g, '');
}

/**
 * The Regions a mistyped code most likely meant: every Region at the smallest edit distance (at most
 * a third of the code's length, as closest() allows), so `ap-northeast-4` gets ap-northeast-1, -2 and
 * -3 rather than an arbitrary first pick, and `ap-northest-2` gets only ap-northeast-2.
 */
function nearest(code: string): string[] {
  const wanted = bare(code);
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  let best = limit + 1;
  let found: string[] = [];
  for (const region of AWS_REGIONS.value) {
    const distance = editDistance(wanted, bare(region), limit);
    if (distance < best) {
      best = distance;
      found = [region];
    } else if (distance === best) {
      found.push(region);
    }
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'arch/unknown-region',
    description: 'A Region code is not one of the AWS Regions (`ap-northest-2`, `eu-west-4`).',
    severity: 'warning',
    fixable: true,
    anchors: ['cfn-lint'],
  },
  check({ model, report }) {
    for (const written of writtenRegions(model)) {
      if (known.has(written.code)) continue;
      const near = nearest(written.code);
      const hint =
        near.length === 1
          ? l10n.t('; did you mean `{suggestion}`?', { suggestion: near[0] })
          : near.length > 1
            ? l10n.t`; the closest codes are ${orList(near)}.`
            : '. ' + l10n.t('Check the code against the AWS Regions list.');
      report({
        pointer: written.pointer,
        part: 'value',
        message:
          l10n.t('`{code}` ({owner}) is not an AWS Region code', { code: written.code, owner: written.owner }) +
          hint +
          ' ' +
          l10n.t('AWS cannot create anything in a Region it does not have, so this part of the design cannot be built as written.'),
        fix: near.length === 1 ? { kind: 'replace', title: l10n.t('Change to `{suggestion}`', { suggestion: near[0] }), pointer: written.pointer, value: near[0] } : undefined,
      });
    }
  },
});
