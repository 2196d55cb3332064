import { describe, expect, it } from 'vitest';
import { templateDocument } from '../test/hostile';
import { fargateSize } from './fargate';
import { exportCdk } from './index';
import { defaultHttpApiPath, httpApiPath, pathPattern } from './paths';
import { awsText, code, lineComment, lit, str } from './ts';

const file = (id: string, path: string) =>
  exportCdk(templateDocument(id)).files.find((f) => f.path === path)?.content ?? '';

describe('CDK export', () => {
  it('writes a complete app: package.json pinning aws-cdk-lib, cdk.json, tsconfig, bin, one stack per region', () => {
    const r = exportCdk(templateDocument('read-replicas'));
    expect(r.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'bin/app.ts',
      'cdk.json',
      'lib/app.ts',
      'lib/us-east-1-stack.ts',
      'lib/us-west-2-stack.ts',
      'package.json',
      'tsconfig.json',
    ]);
    const pkg = JSON.parse(r.files.find((f) => f.path === 'package.json')?.content ?? '{}');
    expect(pkg.dependencies).toEqual({ 'aws-cdk-lib': '2.276.0', constructs: '10.8.1' });
  });

  it('wires a queue to its DLQ and its consumer', () => {
    const stack = file('queue-processing', 'lib/us-east-1-stack.ts');
    expect(stack).toContain('deadLetterQueue: { queue: ordersDlq, maxReceiveCount: 5 }');
    expect(stack).toContain(
      'processOrder.addEventSource(new sources.SqsEventSource(ordersQueue, { batchSize: 10 }));',
    );
    expect(stack).toContain(
      "code: lambda.Code.fromAsset(path.join(__dirname, '..', 'functions', \"process-order\"))",
    );
  });

  it('generates the database password into Secrets Manager, never as a literal', () => {
    const stack = file('three-tier-web-app', 'lib/us-east-1-stack.ts');
    expect(stack).toContain('credentials: rds.Credentials.fromGeneratedSecret("postgres")');
    expect(stack).toContain('multiAz: true');
    expect(stack).not.toMatch(/password/i);
    expect(stack).toContain('appDb.connections.allowDefaultPortFrom(appService);');
  });

  it('builds the state machine from the ASL with token references and grants', () => {
    const stack = file('step-functions-order-workflow', 'lib/us-east-1-stack.ts');
    expect(stack).toContain('sfn.DefinitionBody.fromString(JSON.stringify(');
    expect(stack).toContain('Resource: checkInventory.functionArn');
    expect(stack).toContain('Type: "Choice"');
    expect(stack).toContain('checkInventory.grantInvoke(orderWorkflow);');
    expect(stack).toContain('new integrations.HttpStepFunctionsIntegration(');
  });

  it('passes cross-region references as stack props, with a global stack for DNS', () => {
    const app = file('multi-region-active-active', 'lib/app.ts');
    expect(app).toContain('albUsEast1: usEast1Stack.albUsEast1');
    expect(app).toContain('crossRegionReferences: true');
    expect(app).toContain('euWest1Stack.addStackDependency(usEast1Stack);');
    const east = file('multi-region-active-active', 'lib/us-east-1-stack.ts');
    expect(east).toContain('replicas: [{ region: "eu-west-1" }]');
    const west = file('multi-region-active-active', 'lib/eu-west-1-stack.ts');
    expect(west).toContain('dynamodb.TableV2.fromTableName(this, "TableEuWest1"');
    const global = file('multi-region-active-active', 'lib/global-stack.ts');
    expect(global).toContain('region: "eu-west-1"');
  });

  it('gives a cross-region read replica its own KMS key', () => {
    const west = file('read-replicas', 'lib/us-west-2-stack.ts');
    expect(west).toContain('sourceDatabaseInstance: props.primaryDb');
    expect(west).toContain('storageEncryptionKey: replicaWestKey');
  });

  it('says what it cannot express', () => {
    const r = exportCdk(templateDocument('service-mesh-canary'));
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', nodeId: 'ingress-lb' }),
    );
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        nodeId: 'cluster',
        message: expect.stringContaining('--format k8s'),
      }),
    );
  });
});

describe('TypeScript printing', () => {
  it('writes any text as a string literal', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: interpolation syntax is the hostile text
    for (const s of ['"', '\\', '${x}', '\n', '\u2028', '</script>', '\uD800'])
      expect(new Function(`return ${str(s)}`)()).toBe(s);
  });

  it('keeps a comment on one line', () => {
    expect(lineComment('a\nb\r\u2028c*/')).toBe('// a b  c*/');
  });

  it('prints literals with code as is', () => {
    expect(lit({ a: 1, 'b-c': 'x', d: code('foo.bar'), e: undefined, f: [true] })).toBe(
      '{ a: 1, "b-c": "x", d: foo.bar, f: [true] }',
    );
  });

  it('cleans text AWS would refuse', () => {
    expect(awsText('a\u0000b\uD800c🚀')).toBe('a b\uFFFDc🚀');
  });
});

describe('Fargate sizes', () => {
  it.each([
    [0.5, 1, 512, 1024, true],
    [0.25, 0.5, 256, 512, true],
    [0.3, 1, 512, 1024, false],
    [1, 10, 2048, 10240, false],
    [16, 200, 16384, 122880, false],
  ])('%d vCPU / %d GB -> %d / %d', (cpu, mem, eCpu, eMem, exact) => {
    expect(fargateSize(cpu, mem)).toEqual({ cpu: eCpu, memoryMiB: eMem, exact });
  });
});

describe('route paths', () => {
  it('turns routes into HTTP API paths, or refuses them', () => {
    expect(httpApiPath('/orders/*')).toBe('/orders/{proxy+}');
    expect(httpApiPath('/orders/{id}')).toBe('/orders/{id}');
    expect(httpApiPath('orders')).toBeUndefined();
    expect(httpApiPath('/a b')).toBeUndefined();
    expect(defaultHttpApiPath('orders_svc')).toBe('/orders-svc/{proxy+}');
    expect(pathPattern('/api/*')).toBe('/api/*');
    expect(pathPattern('/<x>')).toBeUndefined();
  });
});
