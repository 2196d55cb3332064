import type { KindMapper } from '../context';
import { block, call, tpl } from '../hcl';
import { grantBy, output, placeInVpc } from './common';

interface StreamConfig {
  shards: number;
  mode: 'provisioned' | 'on-demand';
  retentionHours: number;
}

/** `stream` -> `aws_kinesis_stream` (provisioned shards or on-demand, KMS-encrypted). */
export const streamMapper: KindMapper = {
  kinds: ['stream'],
  map(ctx, node) {
    const c = ctx.config<StreamConfig>(node);
    const res = ctx.done(node, 'aws_kinesis_stream', node.id, {
      name: ctx.names.name('kinesis', node.id),
      shard_count: c.mode === 'provisioned' ? c.shards : undefined,
      retention_period: c.retentionHours,
      encryption_type: 'KMS',
      kms_key_id: 'alias/aws/kinesis',
      stream_mode_details: block({ stream_mode: c.mode === 'provisioned' ? 'PROVISIONED' : 'ON_DEMAND' }),
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'names', 'stream name', res.ref('name'));
    const read = [
      'kinesis:GetRecords',
      'kinesis:GetShardIterator',
      'kinesis:DescribeStream',
      'kinesis:DescribeStreamSummary',
      'kinesis:ListShards',
      'kinesis:SubscribeToShard',
    ];
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: res,
      arn: res.ref('arn'),
      stream: res,
      grant: grantBy(
        {
          write: ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DescribeStreamSummary'],
          read,
          consume: read,
        },
        res.ref('arn'),
      ),
    };
  },
};

interface KafkaConfig {
  brokers: number;
  brokerInstance: string;
  storageGb: number;
  kafkaVersion: string;
}

/** MSK with IAM authentication listens on 9098 (TLS). */
const MSK_IAM_PORT = 9098;

/**
 * `kafka` -> `aws_msk_cluster` in private subnets of as many zones as the brokers spread over
 * (2 or 3), TLS in transit, IAM client authentication; services get `kafka-cluster:*` actions on the
 * cluster, its topics and groups, and a security group rule on the IAM port.
 */
export const kafkaMapper: KindMapper = {
  kinds: ['kafka'],
  map(ctx, node) {
    const c = ctx.config<KafkaConfig>(node);
    const zones = c.brokers % 3 === 0 && c.brokers % 2 !== 0 ? 3 : 2;
    const place = placeInVpc(ctx, node, { minAzs: zones });
    let subnets = place.subnets.slice(0, zones);
    if (subnets.length < zones || c.brokers % subnets.length !== 0) {
      ctx.warn(
        `MSK needs one subnet in each of ${zones} zones for ${c.brokers} brokers, but only ${subnets.length} were available; check the subnets.`,
        node.id,
      );
      subnets = place.subnets;
    }
    const res = ctx.done(node, 'aws_msk_cluster', node.id, {
      cluster_name: ctx.names.name('msk', node.id),
      kafka_version: c.kafkaVersion,
      number_of_broker_nodes: c.brokers,
      broker_node_group_info: block({
        instance_type: c.brokerInstance,
        client_subnets: subnets,
        security_groups: [place.sg.res.ref('id')],
        storage_info: block({
          ebs_storage_info: block({ volume_size: Math.max(1, Math.ceil(c.storageGb / c.brokers)) }),
        }),
      }),
      client_authentication: block({ sasl: block({ iam: true }) }),
      encryption_info: block({ encryption_in_transit: block({ client_broker: 'TLS', in_cluster: true }) }),
      tags: ctx.tags(node.id, node.id),
    });
    output(
      ctx,
      node,
      'bootstrap_brokers',
      'bootstrap brokers (IAM auth)',
      res.ref('bootstrap_brokers_sasl_iam'),
    );
    const arn = res.ref('arn');
    // Topic and group ARNs share the cluster's name and id: arn:...:topic/<cluster>/<uuid>/<topic>.
    const topics = tpl`${call('replace', arn, ':cluster/', ':topic/')}/*`;
    const groups = tpl`${call('replace', arn, ':cluster/', ':group/')}/*`;
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: res,
      arn,
      kafka: res,
      sg: place.sg,
      port: MSK_IAM_PORT,
      grant: (access) => {
        const write = ['kafka-cluster:WriteData', 'kafka-cluster:DescribeTopic', 'kafka-cluster:CreateTopic'];
        const read = ['kafka-cluster:ReadData', 'kafka-cluster:DescribeTopic'];
        const topicActions =
          access === 'write' || access === 'invoke'
            ? write
            : access === 'readwrite'
              ? [...write, ...read]
              : read;
        const statements = [
          { actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], resource: arn },
          { actions: [...new Set(topicActions)], resource: topics },
        ];
        if (access !== 'write' && access !== 'invoke') {
          statements.push({
            actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
            resource: groups,
          });
        }
        return statements;
      },
    };
  },
};
