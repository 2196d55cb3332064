import type { DocumentNode } from '../document/schema';
import { graphOf } from '../graph/graph';
import { gatewayAuthenticates, named } from './context';
import { defineRule } from './define-rule';
import { Additions, beside, parentFor, updateNodeConfig } from './edit';

export const gatewayWithoutAuth = defineRule({
  id: 'gateway-without-auth',
  title: 'API gateway without authentication',
  severity: 'warning',
  pillar: 'security',
  explanation:
    'An API gateway is the front door of every service behind it. Without an authorizer anyone who finds ' +
    'the URL can call every route, and each service has to re-implement authentication (or, more often, ' +
    'trusts the caller). The API gateway pattern authenticates once at the edge: a JWT or Cognito authorizer ' +
    'for users, IAM for other AWS workloads, and passes the verified identity on. Zero trust then checks ' +
    'authorization again in each service. A public, read-only API can be a deliberate choice: suppress the ' +
    'finding with that reason.',
  pattern: 'Microservices Patterns: API Gateway Pattern (authorization at the edge)',
  check(graph, ctx) {
    return ctx
      .ofKind('api-gateway')
      .filter((gw) => !gatewayAuthenticates(graph, gw))
      .map((gw) => ({
        nodeIds: [gw.id],
        message: `API gateway ${named(gw)} lets every caller through: it has no authorizer (auth is "none") and no connection to an auth service.`,
        fixLabel: `Add a Cognito user pool to ${named(gw)}`,
      }));
  },
  fix: {
    id: 'add-auth',
    label: 'Add a Cognito user pool',
    apply(doc, finding) {
      const gw = graphOf(doc).nodes.get(finding.nodeIds[0] as string);
      if (!gw) return doc;
      const add = new Additions(doc);
      const parent = parentFor(doc, gw, 'auth');
      const pool: Omit<DocumentNode, 'id'> = {
        kind: 'auth',
        label: `${gw.label.trim() === '' ? gw.id : gw.label} users`,
      };
      if (parent !== undefined) pool.parent = parent;
      const position = beside(gw, parent, { x: 0, y: 180 });
      if (position) pool.position = position;
      const poolId = add.node(`${gw.id}-auth`, pool);
      add.edge(gw.id, poolId, 'sync');
      return add.applyTo(updateNodeConfig(doc, gw.id, (c) => ({ ...c, auth: 'cognito' })));
    },
  },
});
