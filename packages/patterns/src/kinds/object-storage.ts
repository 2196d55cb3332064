import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf, volume } from '../catalog/fields';
import { KB_PER_GB } from '../cost/defaults';
import { priceKey, sizedLine, usageLine } from '../cost/helpers';

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
  cost: {
    aws: {
      traffic: { forwards: 'writes', writesField: 'putsPerMonth' },
      internetEgress: true,
      components(ctx) {
        const cls = ctx.config.storageClass;
        const storage = ctx.volume({
          field: 'storageGb',
          label: 'GB stored',
          document: 'storageGb',
          default: ctx.config.storageGb,
          defaultWhy: 'the kind default',
        });
        const puts = ctx.volume({
          field: 'putsPerMonth',
          label: 'PUT requests a month',
          traffic: 'writes',
          default: 100_000,
          defaultWhy: 'a few thousand uploads a day',
        });
        const gets = ctx.volume({
          field: 'getsPerMonth',
          label: 'GET requests a month',
          traffic: 'reads',
          default: 1_000_000,
          defaultWhy: 'about 0.4 reads/s',
        });
        if (ctx.config.versioning) ctx.assume('Versioned buckets: the stored GB include old versions');
        const lines = [
          sizedLine(`Storage (${cls})`, storage, storage.value, priceKey('s3.storage', cls)),
          usageLine('PUT, COPY, POST and LIST requests', puts, puts.value / 1000, priceKey('s3.puts', cls)),
          usageLine('GET requests', gets, gets.value / 1000, priceKey('s3.gets', cls)),
        ];
        if (ctx.incoming().some((e) => e.kind === 'replication')) {
          const replicated = ctx.volume({
            field: 'replicatedPuts',
            label: 'replicated objects a month',
            traffic: 'replicatedWrites',
            default: 100_000,
            defaultWhy: 'the source bucket writes as lightly as the default',
          });
          lines.push(
            usageLine(
              'Replication PUT requests',
              replicated,
              replicated.value / 1000,
              priceKey('s3.puts', cls),
            ),
          );
        }
        if (cls === 'standard-ia' || cls === 'glacier-instant-retrieval') {
          const gb = (gets.value * ctx.payloadKb().value) / KB_PER_GB;
          lines.push(usageLine('Data retrieved', gets, gb, priceKey('s3.retrieval', cls)));
        }
        return lines;
      },
    },
  },
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
