import {
  type ArchitectureDocument,
  emptyDocument,
  insertTemplate,
  loadDocument,
  TEMPLATES,
} from '@stackdraft/patterns';
import { arbitraryDocument } from '@stackdraft/patterns/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeText, tagText } from '../terraform/aws-names';
import { exportTerraform } from '../terraform/exporter';
import { kitchenSinkDocument } from './terraform-fixtures';
import { checkReferences, parseModule, uncoveredNodes } from './terraform-hcl-check';
import { inPool, setupTerraform, type Terraform, terraformCheck } from './terraform-runner';

/**
 * The real thing, offline: `terraform fmt -check`, `init -backend=false`, `validate` and `plan`
 * on the export of every template and of generated documents. Where terraform or the provider
 * mirror is missing, the test says so loudly and checks the output with the HCL parser only.
 */
let tf: Terraform | undefined;
let unavailable: string | undefined;
const CONCURRENCY = Number(process.env.STACKDRAFT_TF_CONCURRENCY ?? 2);

beforeAll(async () => {
  const r = await setupTerraform();
  if ('unavailable' in r) {
    unavailable = r.unavailable;
    console.warn(
      `\n${'!'.repeat(78)}\n!! TERRAFORM CHECKS NOT RUN: ${unavailable}.\n!! Falling back to the HCL parser; on this project's machines terraform must run.\n${'!'.repeat(78)}\n`,
    );
  } else tf = r;
}, 120_000);

afterAll(async () => {
  await tf?.close();
});

interface Case {
  name: string;
  doc: ArchitectureDocument;
}

/** Exports each case and checks it with terraform (or, without it, with the HCL parser). */
async function checkAll(cases: readonly Case[]): Promise<{ failures: string[]; resources: number }> {
  let resources = 0;
  const results = await inPool(cases, CONCURRENCY, async ({ name, doc }) => {
    const result = exportTerraform(doc);
    const module = await parseModule(result.files);
    resources += module.resources.size;
    const problems = [...checkReferences(module), ...uncoveredNodes(doc, result, module)];
    if (problems.length > 0) return `${name}: ${problems.slice(0, 5).join('; ')}`;
    if (!tf) return undefined;
    const run = await terraformCheck(tf, name, result.files, [...module.providerAliases]);
    if (run.ok) return undefined;
    const errors = run.output.split('\n').filter((l) => /Error|│|^\s*on .* line|^[-+]/.test(l));
    return `${name}: terraform ${run.failed} failed:\n${errors.slice(0, 30).join('\n')}`;
  });
  return { failures: results.filter((x): x is string => x !== undefined), resources };
}

describe('terraform init, validate and plan, offline', () => {
  it('succeed on the export of every template', async () => {
    const cases = TEMPLATES.map((t) => ({
      name: t.id,
      doc: insertTemplate(emptyDocument(t.name), t.id).document,
    }));
    const { failures, resources } = await checkAll(cases);
    expect(failures).toEqual([]);
    expect(resources).toBeGreaterThan(500);
    console.info(
      `terraform: ${cases.length} templates, ${resources} resources planned${tf ? ` with terraform ${tf.version}` : ' (parser only)'}`,
    );
  }, 1_800_000);

  it('succeed on generated documents', async () => {
    const docs = fc
      .sample(arbitraryDocument, { seed: 7, numRuns: 120 })
      .map((d) => loadDocument(d))
      .filter((r) => r.ok)
      .map((r) => (r as Extract<typeof r, { ok: true }>).document)
      .sort((a, b) => b.nodes.length + b.edges.length - (a.nodes.length + a.edges.length))
      .slice(0, 4);
    const { failures } = await checkAll(docs.map((doc, i) => ({ name: `generated-${i}`, doc })));
    expect(failures).toEqual([]);
  }, 1_800_000);

  it('keep hostile labels as exact text in the planned values', async () => {
    const loaded = loadDocument(kitchenSinkDocument());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const doc = loaded.document;
    const result = exportTerraform(doc);
    const module = await parseModule(result.files);
    expect(checkReferences(module)).toEqual([]);
    expect(uncoveredNodes(doc, result, module)).toEqual([]);
    if (!tf) return;
    const run = await terraformCheck(tf, 'kitchen-sink', result.files, [...module.providerAliases], {
      show: true,
    });
    expect(run.failed, run.output.slice(-3000)).toBeUndefined();
    const after = (address: string) =>
      run.plan?.resource_changes?.find((r) => r.address === address)?.change.after ?? {};
    const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? '';
    expect(after('aws_lambda_function.job').description).toBe(freeText(label('job'), 256));
    expect(after('aws_route53_zone.dns').comment).toBe(freeText(label('dns'), 256));
    expect(after('aws_cloudfront_distribution.cdn').comment).toBe(freeText(label('cdn'), 128));
    expect(after('aws_secretsmanager_secret.secrets[0]').description).toBe(label('secrets'));
    expect((after('aws_sns_topic.alerts').tags as Record<string, string>).Name).toBe(
      tagText(label('alerts')),
    );
    // The Express workflow's definition is known at plan time, so the provider had it validated.
    expect(
      tf.validated.some((v) => v.definition.includes('"Type":"Choice"') && v.problems.length === 0),
    ).toBe(true);
  }, 900_000);
});
