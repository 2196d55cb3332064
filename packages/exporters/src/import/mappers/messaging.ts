import { numberInText } from '../values';
import { defined, lower, type ResourceMapper } from './types';

const sqs: ResourceMapper = {
  types: ['aws_sqs_queue'],
  kind: (res, ctx) => (ctx.deadLetterTargets.has(res.address) ? 'dead-letter-queue' : 'queue'),
  config(res, ctx) {
    const r = ctx.reader(res);
    const separate = ctx.users(res, ['aws_sqs_queue_redrive_policy'], 'queue_url')[0];
    const redrive = res.body.redrive_policy ?? separate?.body.redrive_policy;
    return defined({
      fifo: r.bool('fifo_queue'),
      visibilityTimeoutS: r.num('visibility_timeout_seconds'),
      messageRetentionS: r.num('message_retention_seconds'),
      maxReceiveCount: numberInText(redrive, 'maxReceiveCount'),
    });
  },
};

const sns: ResourceMapper = {
  types: ['aws_sns_topic'],
  kind: () => 'topic',
  config: (res, ctx) => defined({ fifo: ctx.reader(res).bool('fifo_topic') }),
};

const eventBus: ResourceMapper = {
  types: ['aws_cloudwatch_event_bus'],
  kind: () => 'event-bus',
  config(res, ctx) {
    const archived = ctx.users(res, ['aws_cloudwatch_event_archive'], 'event_source_arn').length > 0;
    return archived ? { archive: true } : {};
  },
};

/** Rules on the account's default bus (schedules, AWS service events) share one event-bus node. */
const defaultBusRule: ResourceMapper = {
  types: ['aws_cloudwatch_event_rule'],
  applies: (res, ctx) => {
    const bus = ctx.reader(res).str('event_bus_name');
    return !ctx.refTo(res, 'event_bus_name') && (bus === undefined || bus === 'default');
  },
  mergeKey: () => 'default-event-bus',
  kind: () => 'event-bus',
  config: (res, ctx) => defined({ schedule: ctx.reader(res).str('schedule_expression') }),
};

const stepFunctions: ResourceMapper = {
  types: ['aws_sfn_state_machine'],
  kind: () => 'state-machine',
  config: (res, ctx) => defined({ type: lower(ctx.reader(res).str('type')) }),
};

const msk: ResourceMapper = {
  types: ['aws_msk_cluster'],
  kind: () => 'kafka',
  config(res, ctx) {
    const r = ctx.reader(res);
    const brokers = r.num('number_of_broker_nodes');
    const perBroker =
      r.num('broker_node_group_info', 'storage_info', 'ebs_storage_info', 'volume_size') ??
      r.num('broker_node_group_info', 'ebs_volume_size');
    return defined({
      brokers,
      brokerInstance: r.str('broker_node_group_info', 'instance_type'),
      storageGb: perBroker !== undefined ? perBroker * (brokers ?? 1) : undefined,
      kafkaVersion: r.str('kafka_version'),
    });
  },
};

const kinesis: ResourceMapper = {
  types: ['aws_kinesis_stream'],
  kind: () => 'stream',
  config(res, ctx) {
    const r = ctx.reader(res);
    const mode = lower(r.str('stream_mode_details', 'stream_mode'));
    return defined({
      shards: r.num('shard_count'),
      mode: mode === 'on_demand' ? 'on-demand' : mode === 'provisioned' ? 'provisioned' : undefined,
      retentionHours: r.num('retention_period'),
    });
  },
};

const ses: ResourceMapper = {
  types: ['aws_sesv2_email_identity', 'aws_ses_email_identity', 'aws_ses_domain_identity'],
  kind: () => 'notification',
  config: () => ({ channel: 'email' }),
};

export const MESSAGING_MAPPERS: readonly ResourceMapper[] = [
  sqs,
  sns,
  eventBus,
  defaultBusRule,
  stepFunctions,
  msk,
  kinesis,
  ses,
];
