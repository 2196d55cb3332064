import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, text } from '../catalog/fields';
import { hourly, priceKey } from '../cost/helpers';

export const CACHE_NODE_TYPE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;

export const cache = defineKind({
  id: 'cache',
  label: 'Cache',
  category: 'data',
  icon: 'gauge',
  description:
    'An in-memory cache in front of a database (cache-aside) or for sessions and rate limits. Use 2 or more nodes so that a replica in another availability zone can take over.',
  traits: ['data', 'zonal'],
  config: z
    .object({
      engine: oneOf(['valkey', 'redis', 'memcached'], {
        default: 'valkey',
        description: 'Cache engine (Valkey is Redis OSS-compatible and cheaper)',
      }),
      nodeType: text({
        default: 'cache.t4g.small',
        pattern: CACHE_NODE_TYPE,
        patternHint: 'must be an ElastiCache node type such as cache.r7g.large',
        description: 'Node type',
      }),
      nodes: num({
        default: 2,
        min: 1,
        int: true,
        unit: 'count',
        description:
          'Cache nodes in total; with Valkey or Redis, a primary plus replicas for automatic failover',
      }),
    })
    .strict(),
  accepts: [
    { from: ['@compute'], as: 'sync' },
    { from: ['cache'], as: 'replication' },
  ],
  connectionHint:
    'A cache is read and written by services (sync), and receives replication from another cache (a global datastore in another region).',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const { engine, nodeType, nodes } = ctx.config;
        return [
          hourly(
            ctx,
            `Cache nodes (${nodes} x ${nodeType}, ${engine})`,
            nodes,
            priceKey('elasticache.node', engine, nodeType),
            `${nodeType} (${engine})`,
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon ElastiCache',
    terraform: ['aws_elasticache_replication_group', 'aws_elasticache_subnet_group'],
    cdk: ['aws_elasticache.CfnReplicationGroup', 'aws_elasticache.CfnSubnetGroup'],
    docs: 'https://aws.amazon.com/elasticache/pricing/',
  },
});
