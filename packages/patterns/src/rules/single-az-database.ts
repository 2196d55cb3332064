import type { DocumentNode } from '../document/schema';
import { named, setting } from './context';
import { defineRule, warningInProduction } from './define-rule';
import { updateNodeConfig } from './edit';
import type { Draft } from './types';

export const singleAzDatabase = defineRule({
  id: 'single-az-database',
  title: 'Database in a single availability zone',
  severity: warningInProduction,
  pillar: 'reliability',
  explanation:
    'A database with one instance lives in one availability zone: when that zone has an outage, or the ' +
    'instance is patched or fails, every service that depends on it is down until it is replaced, and ' +
    'writes since the last backup may be lost. Multi-AZ keeps a synchronous standby in a second zone and ' +
    'fails over in a minute or two without losing committed writes (a document database does the same with ' +
    'a second instance). It roughly doubles the instance cost, which is why this is a warning in production ' +
    'and only a note in staging and development.',
  pattern: 'Resilience Patterns: Multi-AZ deployment of the data tier',
  check(_graph, ctx) {
    const drafts: Draft[] = [];
    for (const db of ctx.ofKind('sql-database')) {
      if (setting<boolean>(db, 'multiAz') !== true)
        drafts.push(
          draft(db, 'has no standby in a second availability zone (Multi-AZ is off)', 'Turn on Multi-AZ'),
        );
    }
    for (const db of ctx.ofKind('document-database')) {
      if (setting<number>(db, 'instances') < 2)
        drafts.push(
          draft(
            db,
            'runs a single instance, in one availability zone',
            'Add a second instance in another zone',
          ),
        );
    }
    return drafts;
  },
  fix: {
    id: 'multi-az',
    label: 'Make it Multi-AZ',
    apply(doc, finding) {
      const id = finding.nodeIds[0] as string;
      const node = doc.nodes.find((n) => n.id === id);
      if (node?.kind === 'sql-database') return updateNodeConfig(doc, id, (c) => ({ ...c, multiAz: true }));
      if (node?.kind === 'document-database')
        return updateNodeConfig(doc, id, (c) => ({ ...c, instances: 2 }));
      return doc;
    },
  },
});

function draft(db: DocumentNode, problem: string, fixLabel: string): Draft {
  return {
    nodeIds: [db.id],
    message: `${named(db)} ${problem}: an outage of that zone or instance takes it down.`,
    fixLabel,
  };
}
