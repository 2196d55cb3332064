import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's N-tier architecture: CloudFront and an ALB (presentation), an ECS Fargate service
 * with 3 tasks on port 8080 (application), RDS PostgreSQL db.t3.medium Multi-AZ, ElastiCache and
 * S3 (data), in a default-deny VPC with a public subnet for the load balancer and private subnets
 * for the service and the data stores.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 240 },
        config: { requestsPerSecond: 200 },
      },
      { id: 'cdn', kind: 'cdn', label: 'CloudFront', position: { x: 260, y: 240 } },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'App VPC',
        position: { x: 520, y: 0 },
        size: { width: 1000, height: 420 },
        // One NAT gateway per zone, so that one zone failing does not cut the private subnets off.
        config: { defaultDeny: true, cidr: '10.0.0.0/16', natGateways: 2 },
      },
      {
        id: 'public-subnet',
        kind: 'subnet',
        label: 'Public subnets (presentation)',
        parent: 'vpc',
        position: { x: 40, y: 60 },
        size: { width: 280, height: 180 },
        config: { public: true, cidr: '10.0.0.0/24' },
      },
      {
        id: 'app-subnet',
        kind: 'subnet',
        label: 'Private subnets (application)',
        parent: 'vpc',
        position: { x: 360, y: 60 },
        size: { width: 280, height: 180 },
        config: { public: false, cidr: '10.0.10.0/24' },
      },
      {
        id: 'data-subnet',
        kind: 'subnet',
        label: 'Private subnets (data)',
        parent: 'vpc',
        position: { x: 680, y: 60 },
        size: { width: 280, height: 320 },
        config: { public: false, cidr: '10.0.20.0/24' },
      },
      {
        id: 'alb',
        kind: 'load-balancer',
        label: 'Application load balancer',
        parent: 'public-subnet',
        position: { x: 40, y: 60 },
        config: { type: 'application' },
      },
      {
        id: 'app-service',
        kind: 'container-service',
        label: 'App service (ECS Fargate)',
        parent: 'app-subnet',
        position: { x: 40, y: 60 },
        config: { platform: 'fargate', tasks: 3, cpu: 1, memoryGb: 2, port: 8080 },
      },
      {
        id: 'app-db',
        kind: 'sql-database',
        label: 'Main DB (RDS PostgreSQL)',
        parent: 'data-subnet',
        position: { x: 40, y: 60 },
        config: { engine: 'postgres', instanceClass: 'db.t3.medium', multiAz: true, storageGb: 100 },
      },
      {
        id: 'app-cache',
        kind: 'cache',
        label: 'Cache (ElastiCache)',
        parent: 'data-subnet',
        position: { x: 40, y: 200 },
        // A primary and a replica in another zone.
        config: { nodeType: 'cache.t4g.medium', nodes: 2 },
      },
      {
        id: 'assets',
        kind: 'object-storage',
        label: 'Static assets and uploads (S3)',
        position: { x: 1240, y: 460 },
        config: { storageGb: 50 },
      },
      {
        id: 'app-secrets',
        kind: 'secrets-vault',
        label: 'DB credentials (Secrets Manager)',
        position: { x: 920, y: 460 },
        // Credentials are cached by the tasks and fetched again after a rotation, not per request.
        config: { secrets: 2, rotationDays: 30, apiCallsPerMonth: 100_000 },
      },
    ],
    edges: [
      { id: 'e-users-cdn', source: 'users', target: 'cdn', kind: 'sync' },
      // Dynamic requests go to the load balancer; static files are served from S3 (cache misses only).
      { id: 'e-cdn-alb', source: 'cdn', target: 'alb', kind: 'sync', config: { ratio: 0.4 } },
      {
        id: 'e-cdn-assets',
        source: 'cdn',
        target: 'assets',
        kind: 'sync',
        config: { ratio: 0.1, access: 'read' },
      },
      { id: 'e-alb-app', source: 'alb', target: 'app-service', kind: 'sync' },
      {
        id: 'e-app-cache',
        source: 'app-service',
        target: 'app-cache',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      // Cache misses and writes reach the database.
      {
        id: 'e-app-db',
        source: 'app-service',
        target: 'app-db',
        kind: 'sync',
        config: { ratio: 0.3, access: 'readwrite' },
      },
      {
        id: 'e-app-assets',
        source: 'app-service',
        target: 'assets',
        kind: 'sync',
        config: { ratio: 0.01, access: 'write' },
      },
      {
        id: 'e-app-secrets',
        source: 'app-service',
        target: 'app-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
    ],
  };
}

export const threeTierWebApp = defineTemplate({
  id: 'three-tier-web-app',
  name: 'Three-tier web app',
  description:
    'CloudFront and an application load balancer in front of a Fargate service (3 tasks, port 8080) that uses a Multi-AZ PostgreSQL database, a cache and S3, inside a default-deny VPC with public and private subnets.',
  pattern: 'Foundational Patterns: 1. N-Tier Architecture',
  build,
});
