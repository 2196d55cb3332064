import type { ImportContext } from '../context';
import type { TfResource } from '../parse';
import { numberInText } from '../values';

/** A dead-letter link: `from` (a queue, a topic subscription's topic, an event rule's bus) -> `dlq`. */
export interface DeadLetterLink {
  from: TfResource | undefined;
  dlq: TfResource;
  via: string;
  maxReceiveCount?: number;
}

const QUEUE = 'aws_sqs_queue';

/**
 * Every dead-letter link the module states. Run before nodes are made: a queue that is some
 * redrive's target becomes a `dead-letter-queue` node.
 */
export function deadLetterLinks(ctx: ImportContext): DeadLetterLink[] {
  const links: DeadLetterLink[] = [];
  for (const q of ctx.ofType(QUEUE)) {
    const dlq = ctx.refTo(q, 'redrive_policy', QUEUE);
    if (dlq)
      links.push({
        from: q,
        dlq,
        via: q.address,
        maxReceiveCount: numberInText(q.body.redrive_policy, 'maxReceiveCount'),
      });
  }
  for (const p of ctx.ofType('aws_sqs_queue_redrive_policy')) {
    const dlq = ctx.refTo(p, 'redrive_policy', QUEUE);
    if (dlq) links.push({ from: ctx.refTo(p, 'queue_url', QUEUE), dlq, via: p.address });
  }
  for (const s of ctx.ofType('aws_sns_topic_subscription')) {
    const dlq = ctx.refTo(s, 'redrive_policy', QUEUE);
    if (dlq) links.push({ from: ctx.refTo(s, 'topic_arn', 'aws_sns_topic'), dlq, via: s.address });
  }
  for (const t of ctx.ofType('aws_cloudwatch_event_target')) {
    const dlq = ctx.refTo(t, 'dead_letter_config', QUEUE);
    if (!dlq) continue;
    const rule = ctx.refTo(t, 'rule', 'aws_cloudwatch_event_rule');
    const bus =
      ctx.refTo(t, 'event_bus_name', 'aws_cloudwatch_event_bus') ??
      (rule ? ctx.refTo(rule, 'event_bus_name', 'aws_cloudwatch_event_bus') : undefined) ??
      rule;
    links.push({ from: bus, dlq, via: t.address });
  }
  for (const l of links) ctx.deadLetterTargets.add(l.dlq.address);
  return links;
}
