import fc from 'fast-check';
import { canContain, configFields, KINDS } from '../catalog/registry';
import { EDGE_KINDS, type KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { ACCESS_MODES, ENVIRONMENTS } from '../document/schema';

/**
 * An arbitrary built on first use and kept. fast-check builds some arbitraries eagerly and at a
 * price (`fc.string({ unit: 'binary' })` tabulates all of Unicode: ~0.65 s), so building them at
 * module load made every test file that imports `@stackdraft/patterns/testing` pay for it, even
 * those that only want `generateLargeDocument`. Delegating keeps the exported values real
 * `fc.Arbitrary` instances (map/filter/chain work as before) while the cost moves to the first run.
 */
class LazyArbitrary<T> extends fc.Arbitrary<T> {
  #inner: fc.Arbitrary<T> | undefined;
  constructor(private readonly build: () => fc.Arbitrary<T>) {
    super();
  }
  private get inner(): fc.Arbitrary<T> {
    this.#inner ??= this.build();
    return this.#inner;
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.inner.generate(mrng, biasFactor);
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}

/** Wraps `build` so that it runs once, on first use (see {@link LazyArbitrary}). */
function lazy<T>(build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new LazyArbitrary(build);
}

/** Any text a person might type, including quotes, YAML/HCL/XML metacharacters and non-ASCII. */
export const userText = (maxLength = 60): fc.Arbitrary<string> => lazy(() => userTextNow(maxLength));

const userTextNow = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength, unit: 'binary' }),
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.constantFrom(
      'null',
      'true',
      '~',
      '- item',
      '# not a comment',
      'a: b',
      '"quoted"',
      "it's",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL interpolation is exactly the hostile text we want
      '${var.x}',
      '<script>alert(1)</script>',
      '&amp; </svg>',
      'line\nbreak',
      '  padded  ',
      '0x1F',
      '1e3',
      '@@',
      '%{x}',
      '`backtick`',
      'graph TD; A-->B',
      '\t',
      '',
    ),
  );

const nonZero = (n: number) => n + 0; // -0 does not survive JSON; a person never types it

function configArbitrary(kind: KindDefinition): fc.Arbitrary<Record<string, unknown> | undefined> {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of configFields(kind)) {
    if (f.type === 'boolean') entries[f.key] = fc.boolean();
    else if (f.type === 'enum' && f.enum) entries[f.key] = fc.constantFrom(...f.enum);
    else if (f.type === 'integer') entries[f.key] = fc.integer({ min: f.min ?? 0, max: f.max ?? 1_000_000 });
    else if (f.type === 'number') {
      entries[f.key] = fc
        .double({ min: f.min ?? 0, max: f.max ?? 1e9, noNaN: true, noDefaultInfinity: true })
        .map(nonZero);
    }
    // strings and structured values keep their defaults: their patterns are tested on their own
  }
  // Some kinds refine across fields (e.g. Kafka brokers spread evenly over AZs): keep valid combinations.
  return fc.option(
    fc.record(entries, { requiredKeys: [] }).filter((c) => kind.config.safeParse(c).success),
    { nil: undefined },
  );
}

const idArb = lazy(() => fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/));
const coord = lazy(() => fc.integer({ min: -100_000, max: 100_000 }));

const leafKinds = KINDS.filter((k) => !k.group);

/**
 * Generated valid documents: unique ids, edges between existing nodes, some nodes inside region
 * groups, configs drawn from each kind's own fields, labels of any text.
 */
export const arbitraryDocument: fc.Arbitrary<ArchitectureDocument> = lazy(() => buildArbitraryDocument());

function buildArbitraryDocument(): fc.Arbitrary<ArchitectureDocument> {
  return fc
    .record({
      name: userText(40)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
      environment: fc.constantFrom(...ENVIRONMENTS),
      budget: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      ids: fc.uniqueArray(idArb, { minLength: 0, maxLength: 14 }),
      regions: fc.integer({ min: 0, max: 2 }),
      seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    })
    .chain(({ name, environment, budget, ids, regions, seed }) => {
      const regionIds = ids.slice(0, Math.min(regions, ids.length));
      const leafIds = ids.slice(regionIds.length);
      const nodeArbs: fc.Arbitrary<DocumentNode>[] = [
        ...regionIds.map((id, i) =>
          fc.record(
            {
              id: fc.constant(id),
              kind: fc.constant('region'),
              label: userText(),
              position: fc.record({ x: coord, y: coord }),
              size: fc.record({
                width: fc.integer({ min: 1, max: 5000 }),
                height: fc.integer({ min: 1, max: 5000 }),
              }),
              config: fc.constant({ name: i === 0 ? 'us-east-1' : 'eu-west-1' }),
            },
            { requiredKeys: ['id', 'kind', 'label'] },
          ),
        ),
        ...leafIds.map((id, i) => {
          const kind = leafKinds[(seed[i % seed.length] ?? 0) % leafKinds.length] as KindDefinition;
          const parents = regionIds.filter(() => canContain('region', kind.id));
          return fc.record(
            {
              id: fc.constant(id),
              kind: fc.constant(kind.id),
              label: userText(),
              parent: parents.length > 0 ? fc.constantFrom(...parents) : fc.constant(undefined),
              position: fc.record({ x: coord, y: coord }),
              config: configArbitrary(kind),
            },
            { requiredKeys: ['id', 'kind', 'label'] },
          );
        }),
      ];
      const edgeArb =
        leafIds.length < 2
          ? fc.constant([] as DocumentEdge[])
          : fc
              .uniqueArray(
                fc
                  .tuple(fc.constantFrom(...leafIds), fc.constantFrom(...leafIds))
                  .filter(([a, b]) => a !== b),
                { maxLength: 20, selector: ([a, b]) => `${a}>${b}` },
              )
              .chain((pairs) =>
                fc.tuple(
                  ...pairs.map(([source, target], i) =>
                    fc.record(
                      {
                        id: fc.constant(`e${i}`),
                        source: fc.constant(source),
                        target: fc.constant(target),
                        kind: fc.constantFrom(...EDGE_KINDS),
                        label: userText(),
                        config: fc.record(
                          {
                            timeoutMs: fc.integer({ min: 1, max: 60_000 }),
                            retry: fc.record({
                              maxAttempts: fc.integer({ min: 1, max: 10 }),
                              baseDelayMs: fc.integer({ min: 0, max: 5000 }),
                              jitter: fc.boolean(),
                            }),
                            circuitBreaker: fc.record({ failureThreshold: fc.integer({ min: 1, max: 50 }) }),
                            ratio: fc.double({ min: 0, max: 100, noNaN: true }).map(nonZero),
                            access: fc.constantFrom(...ACCESS_MODES),
                            route: userText(30).filter((s) => s.length > 0),
                          },
                          { requiredKeys: [] },
                        ),
                      },
                      { requiredKeys: ['id', 'source', 'target'] },
                    ),
                  ),
                ),
              )
              .map((edges) => edges as DocumentEdge[]);
      return fc
        .record({
          nodes: fc.tuple(...nodeArbs),
          edges: edgeArb,
        })
        .map(({ nodes, edges }): ArchitectureDocument => {
          const doc: ArchitectureDocument = {
            stackdraft: 1,
            name,
            provider: 'aws',
            region: 'us-east-1',
            environment,
            nodes: nodes.map(stripUndefined),
            edges: edges.map(stripUndefined),
          };
          if (budget !== undefined) doc.budget = budget;
          return doc;
        });
    });
}

function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
