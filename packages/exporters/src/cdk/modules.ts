/** The aws-cdk-lib modules generated stacks import, by the alias the code uses. */
export const MODULES = {
  cdk: 'aws-cdk-lib',
  apigwv2: 'aws-cdk-lib/aws-apigatewayv2',
  authorizers: 'aws-cdk-lib/aws-apigatewayv2-authorizers',
  autoscaling: 'aws-cdk-lib/aws-autoscaling',
  cloudfront: 'aws-cdk-lib/aws-cloudfront',
  cloudwatch: 'aws-cdk-lib/aws-cloudwatch',
  cognito: 'aws-cdk-lib/aws-cognito',
  cwactions: 'aws-cdk-lib/aws-cloudwatch-actions',
  docdb: 'aws-cdk-lib/aws-docdb',
  dynamodb: 'aws-cdk-lib/aws-dynamodb',
  ec2: 'aws-cdk-lib/aws-ec2',
  ecs: 'aws-cdk-lib/aws-ecs',
  eks: 'aws-cdk-lib/aws-eks-v2',
  elasticache: 'aws-cdk-lib/aws-elasticache',
  elbv2: 'aws-cdk-lib/aws-elasticloadbalancingv2',
  elbv2targets: 'aws-cdk-lib/aws-elasticloadbalancingv2-targets',
  events: 'aws-cdk-lib/aws-events',
  iam: 'aws-cdk-lib/aws-iam',
  integrations: 'aws-cdk-lib/aws-apigatewayv2-integrations',
  kinesis: 'aws-cdk-lib/aws-kinesis',
  kms: 'aws-cdk-lib/aws-kms',
  lambda: 'aws-cdk-lib/aws-lambda',
  msk: 'aws-cdk-lib/aws-msk',
  opensearch: 'aws-cdk-lib/aws-opensearchservice',
  origins: 'aws-cdk-lib/aws-cloudfront-origins',
  r53targets: 'aws-cdk-lib/aws-route53-targets',
  rds: 'aws-cdk-lib/aws-rds',
  route53: 'aws-cdk-lib/aws-route53',
  s3: 'aws-cdk-lib/aws-s3',
  s3n: 'aws-cdk-lib/aws-s3-notifications',
  secretsmanager: 'aws-cdk-lib/aws-secretsmanager',
  ses: 'aws-cdk-lib/aws-ses',
  servicediscovery: 'aws-cdk-lib/aws-servicediscovery',
  sfn: 'aws-cdk-lib/aws-stepfunctions',
  sns: 'aws-cdk-lib/aws-sns',
  sources: 'aws-cdk-lib/aws-lambda-event-sources',
  sqs: 'aws-cdk-lib/aws-sqs',
  subs: 'aws-cdk-lib/aws-sns-subscriptions',
  targets: 'aws-cdk-lib/aws-events-targets',
  wafv2: 'aws-cdk-lib/aws-wafv2',
  path: 'node:path',
} as const;

export type ModuleAlias = keyof typeof MODULES;

/** Every alias that appears in `code` as `alias.` (so the stack imports exactly what it uses). */
export function aliasesIn(code: string): ModuleAlias[] {
  const found: ModuleAlias[] = [];
  for (const alias of Object.keys(MODULES) as ModuleAlias[]) {
    if (new RegExp(`(^|[^A-Za-z0-9_$.'"])${alias}\\.`).test(code)) found.push(alias);
  }
  return found;
}
