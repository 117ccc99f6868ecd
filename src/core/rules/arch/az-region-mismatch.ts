// arch/az-region-mismatch: an Availability Zone that is not in the Region its resource runs in.
import { regionOfAz } from '../../facts';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'arch/az-region-mismatch',
    description: 'An Availability Zone is not in its resource\'s Region (`us-east-1a` under `ap-northeast-2`).',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const placement of model.placements) {
      const azRegion = regionOfAz(placement.az);
      if (!azRegion || !placement.region || azRegion === placement.region) continue;
      report({
        pointer: placement.pointer,
        part: 'value',
        message: `\`${placement.az}\` is an Availability Zone of ${azRegion}, but ${placement.owner} runs in ${placement.region}. Use an AZ of ${placement.region} (such as \`${placement.region}a\`), or set \`region: ${azRegion}\`.`,
        related: placement.regionPointer ? [{ pointer: placement.regionPointer, part: 'value', message: `The Region ${placement.region} is set here` }] : undefined,
      });
    }
  },
});
