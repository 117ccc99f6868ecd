// documentdb/replica-limit: more replica instances than a DocumentDB cluster holds.
import { DOCUMENTDB_MAX_REPLICAS } from '../../facts';
import { checkClusterReplicas } from '../helpers/cluster-replicas';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'documentdb/replica-limit',
    description: 'A DocumentDB cluster has more than 15 replica instances.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    checkClusterReplicas(model, report, 'documentdb', DOCUMENTDB_MAX_REPLICAS.value, 'DocumentDB', 'replica');
  },
});
