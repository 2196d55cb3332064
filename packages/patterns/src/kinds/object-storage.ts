import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf, volume } from '../catalog/fields';

export const objectStorage = defineKind({
  id: 'object-storage',
  label: 'Object storage',
  category: 'data',
  icon: 'hard-drive',
  description:
    'A bucket of objects (files, images, backups, static sites) with 11 nines of durability; new objects can trigger functions, queues or topics (serverless processing).',
  traits: ['data'],
  config: z
    .object({
      storageGb: num({ default: 100, min: 0, unit: 'GB', description: 'Data stored' }),
      storageClass: oneOf(['standard', 'intelligent-tiering', 'standard-ia', 'glacier-instant-retrieval'], {
        default: 'standard',
        description: 'Storage class: cheaper classes for rarely read data cost more per read',
      }),
      putsPerMonth: volume({
        unit: 'puts/month',
        description: 'PUT, COPY, POST and LIST requests; derived from traffic when absent',
      }),
      getsPerMonth: volume({
        unit: 'gets/month',
        description: 'GET and other read requests; derived from traffic when absent',
      }),
      versioning: bool({
        default: true,
        description: 'Keep every version of an object, to recover from overwrites and deletes',
      }),
    })
    .strict(),
  accepts: [
    {
      from: ['@compute', 'client', 'cdn', 'dns', 'api-gateway', 'state-machine', 'external-service'],
      as: 'sync',
    },
    { from: ['object-storage'], as: 'replication' },
  ],
  connectionHint:
    'Object storage is read and written by services, clients, a CDN, DNS (static website), an API gateway, a state machine or an external system (sync), and receives replication from another bucket.',
  aws: {
    service: 'Amazon S3',
    terraform: [
      'aws_s3_bucket',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_versioning',
      'aws_s3_bucket_notification',
    ],
    cdk: ['aws_s3.Bucket'],
    docs: 'https://aws.amazon.com/s3/pricing/',
  },
});
