import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../test/terraform-hcl-check';
import { exportTerraform } from '../exporter';

/** A design with one HTTP API gateway (config as given) routing to one function. */
function gateway(config: Record<string, unknown>): ArchitectureDocument {
  return {
    ...emptyDocument('Throttled API'),
    nodes: [
      { id: 'api', kind: 'api-gateway', label: 'API', config: { type: 'http', auth: 'iam', ...config } },
      { id: 'fn', kind: 'function', label: 'Handler' },
    ],
    edges: [{ id: 'e1', source: 'api', target: 'fn', kind: 'sync', config: { route: '/orders/*' } }],
  };
}

async function stageSettings(config: Record<string, unknown>): Promise<unknown> {
  const m = await parseModule(exportTerraform(gateway(config)).files);
  return m.resources.get('aws_apigatewayv2_stage.api')?.body.default_route_settings;
}

describe('api-gateway stage throttling', () => {
  // The AWS provider sends an unset limit as 0, and a 0 limit answers every request with 429.
  it('writes a burst limit when only the rate is set', async () => {
    expect(await stageSettings({ rateLimitPerSecond: 100 })).toEqual([
      { throttling_rate_limit: 100, throttling_burst_limit: 200 },
    ]);
  });

  it("writes AWS's default rate when only the burst is set", async () => {
    expect(await stageSettings({ burstLimit: 50 })).toEqual([
      { throttling_rate_limit: 10_000, throttling_burst_limit: 50 },
    ]);
  });

  it('keeps both limits as configured, and leaves the stage unthrottled when none is', async () => {
    expect(await stageSettings({ rateLimitPerSecond: 5, burstLimit: 7 })).toEqual([
      { throttling_rate_limit: 5, throttling_burst_limit: 7 },
    ]);
    expect(await stageSettings({})).toBeUndefined();
  });
});
