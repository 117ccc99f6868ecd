// neptune/replica-limit: more read replicas than a Neptune cluster holds.
import { NEPTUNE_MAX_READ_REPLICAS } from '../../facts';
import { checkClusterReplicas } from '../helpers/cluster-replicas';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'neptune/replica-limit',
    description: 'A Neptune cluster has more than 15 read replicas.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    checkClusterReplicas(model, report, 'neptune', NEPTUNE_MAX_READ_REPLICAS.value, 'Neptune', 'read replica');
  },
});
