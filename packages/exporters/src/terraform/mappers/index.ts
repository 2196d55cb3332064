import type { KindMapper } from '../context';
import { apiGatewayMapper } from './api-gateway';
import { authMapper } from './auth';
import { cdnMapper } from './cdn';
import { kubernetesClusterMapper, vmGroupMapper } from './clusters';
import { containerServiceMapper } from './container-service';
import { dnsMapper } from './dns';
import { eventBusMapper } from './event-bus';
import { functionMapper } from './function';
import { loadBalancerMapper } from './load-balancer';
import { networkMapper } from './network';
import { nosqlTableMapper } from './nosql';
import { externalServiceMapper, notificationMapper } from './notification';
import { monitoringMapper, secretsVaultMapper } from './operations';
import { deadLetterQueueMapper, queueMapper } from './queues';
import { readReplicaMapper, sqlDatabaseMapper } from './sql';
import { stateMachineMapper } from './state-machine';
import { objectStorageMapper } from './storage';
import { cacheMapper, documentDatabaseMapper, searchIndexMapper } from './stores';
import { kafkaMapper, streamMapper } from './streams';
import { topicMapper } from './topic';
import { wafMapper } from './waf';

/** Every Terraform mapper, one line each; a kind is mapped by the mapper that lists it. */
export const MAPPERS: readonly KindMapper[] = [
  apiGatewayMapper,
  authMapper,
  cacheMapper,
  cdnMapper,
  containerServiceMapper,
  deadLetterQueueMapper,
  dnsMapper,
  documentDatabaseMapper,
  eventBusMapper,
  externalServiceMapper,
  functionMapper,
  kafkaMapper,
  kubernetesClusterMapper,
  loadBalancerMapper,
  monitoringMapper,
  networkMapper,
  nosqlTableMapper,
  notificationMapper,
  objectStorageMapper,
  queueMapper,
  readReplicaMapper,
  searchIndexMapper,
  secretsVaultMapper,
  sqlDatabaseMapper,
  stateMachineMapper,
  streamMapper,
  topicMapper,
  vmGroupMapper,
  wafMapper,
];

const byKind = new Map<string, KindMapper>(MAPPERS.flatMap((m) => m.kinds.map((k) => [k, m] as const)));

/** The mapper of a kind, if the Terraform export maps it. */
export function mapperFor(kind: string): KindMapper | undefined {
  return byKind.get(kind);
}

/**
 * Kinds that have AWS resources but that the Terraform export leaves to another format, and why.
 * (Kinds with no AWS resource at all say why in their own `aws.none`.)
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  'kubernetes-service':
    'Kubernetes workloads are deployed into the cluster with the Kubernetes format (stackdraft export --format k8s), not with Terraform.',
};
