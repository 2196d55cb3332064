import { apiGatewayMicroservices } from './api-gateway-microservices';
import { cqrsSearch } from './cqrs-search';
import type { TemplateDefinition } from './define-template';
import { eventbridgeFanOut } from './eventbridge-fan-out';
import { kafkaEventStreaming } from './kafka-event-streaming';
import { multiRegionActiveActive } from './multi-region-active-active';
import { queueProcessing } from './queue-processing';
import { readReplicas } from './read-replicas';
import { secretsManagement } from './secrets-management';
import { serverlessImageProcessing } from './serverless-image-processing';
import { serviceMeshCanary } from './service-mesh-canary';
import { stepFunctionsOrderWorkflow } from './step-functions-order-workflow';
import { threeTierWebApp } from './three-tier-web-app';
import { zeroTrustNetwork } from './zero-trust-network';

/** Every template, in the order the palette lists them. */
export const TEMPLATES: readonly TemplateDefinition[] = [
  threeTierWebApp,
  queueProcessing,
  apiGatewayMicroservices,
  kafkaEventStreaming,
  eventbridgeFanOut,
  serverlessImageProcessing,
  stepFunctionsOrderWorkflow,
  readReplicas,
  cqrsSearch,
  multiRegionActiveActive,
  serviceMeshCanary,
  zeroTrustNetwork,
  secretsManagement,
];

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

export function findTemplate(id: string): TemplateDefinition | undefined {
  return byId.get(id);
}
