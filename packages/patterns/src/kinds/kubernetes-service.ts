import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text } from '../catalog/fields';

/** A Kubernetes name that must be a DNS label (RFC 1123). */
export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export const kubernetesService = defineKind({
  id: 'kubernetes-service',
  label: 'Kubernetes service',
  category: 'compute',
  icon: 'ship-wheel',
  description:
    'A Deployment and Service running in a Kubernetes cluster, exported as Kubernetes YAML. List versions with weights for a canary split; the weights must add up to 100.',
  traits: ['compute'],
  config: z
    .object({
      replicas: num({ default: 2, min: 0, int: true, unit: 'count', description: 'Pod replicas' }),
      cpu: num({ default: 0.25, min: 0.01, max: 192, unit: 'vCPU', description: 'CPU request per pod' }),
      memoryGb: num({
        default: 0.5,
        min: 0.01,
        max: 1024,
        unit: 'GB',
        description: 'Memory request per pod',
      }),
      port: num({
        default: 8080,
        min: 1,
        max: 65_535,
        int: true,
        description: 'Port the container listens on',
      }),
      image: text({ default: 'public.ecr.aws/nginx/nginx:latest', max: 500, description: 'Container image' }),
      versions: z
        .array(
          z
            .object({
              name: z.string().min(1).max(63).regex(DNS_LABEL, 'must be a DNS label such as v2 or canary'),
              weight: z.number().min(0).max(100),
            })
            .strict(),
        )
        .min(1)
        .optional()
        .meta({
          description: 'Versions and their traffic weights (%) for a canary split; absent means one version',
        }),
    })
    .strict(),
  accepts: [
    {
      from: [
        'client',
        'dns',
        'cdn',
        'waf',
        'load-balancer',
        'api-gateway',
        '@compute',
        'state-machine',
        'external-service',
      ],
      as: 'sync',
    },
    { from: ['queue', 'dead-letter-queue', 'topic', 'event-bus', 'kafka', 'stream'], as: 'trigger' },
  ],
  connectionHint:
    'A Kubernetes service is called by clients, gateways, load balancers and other services (sync), or consumes a queue, topic, event bus, stream or Kafka topic (trigger).',
  cost: {
    free: 'Pods run on the worker nodes of their Kubernetes cluster, which the cluster prices; the service adds no charge of its own.',
  },
  aws: {
    service: 'Amazon EKS',
    terraform: [],
    cdk: ['aws_eks.KubernetesManifest'],
    docs: 'https://aws.amazon.com/eks/pricing/',
  },
});
