import { z } from 'zod';
import { EDGE_KINDS } from '../catalog/types';

/** The format version this code reads and writes. */
export const FORMAT_VERSION = 1;

export const MAX_LABEL_LENGTH = 200;
export const MAX_NAME_LENGTH = 200;

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const ID_HINT = 'must start with a lowercase letter or digit and contain only a-z, 0-9, "-" and "_"';

export const idSchema = z.string().max(100, 'is longer than 100 characters').regex(ID_PATTERN, ID_HINT);

const finite = z.number();

export const positionSchema = z.object({ x: finite, y: finite }).strict();
export const sizeSchema = z.object({ width: z.number().positive(), height: z.number().positive() }).strict();

export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;
export const PROVIDERS = ['aws'] as const;
export const ACCESS_MODES = ['read', 'write', 'readwrite'] as const;

export const retrySchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(20),
    baseDelayMs: z.number().min(0).max(600_000).optional(),
    maxDelayMs: z.number().min(0).max(3_600_000).optional(),
    jitter: z.boolean().optional(),
  })
  .strict();

export const circuitBreakerSchema = z
  .object({
    failureThreshold: z.number().int().min(1).max(10_000),
    resetTimeoutS: z.number().min(0).max(86_400).optional(),
  })
  .strict();

/** Settings an edge may carry; which apply depends on its kind (rules point out misplaced ones). */
export const edgeConfigSchema = z
  .object({
    /** sync: the caller's timeout. */
    timeoutMs: z.number().int().min(1).max(900_000).optional(),
    /** sync: retry with exponential backoff (and jitter). */
    retry: retrySchema.optional(),
    /** sync: circuit breaker on the caller. */
    circuitBreaker: circuitBreakerSchema.optional(),
    /** calls or messages sent downstream per inbound request (traffic propagation); default 1. */
    ratio: z.number().min(0).max(1_000_000).optional(),
    /** edge into a data store: what the caller does with it; default readwrite. */
    access: z.enum(ACCESS_MODES).optional(),
    /** edge out of an API gateway: the route, e.g. `/orders/*`. */
    route: z.string().min(1).max(200).optional(),
    /** edge out of an API gateway: per-route rate limit. */
    rateLimitPerSecond: z.number().min(0).optional(),
    /** average payload per call or message, for data transfer cost. */
    payloadKb: z.number().min(0).max(1_048_576).optional(),
    /** sync: wire protocol. */
    protocol: z.enum(['http', 'grpc', 'tcp']).optional(),
    /** Kafka / topic edges: topic name and consumer group (the seed's `orders.created`, `inventory-service`). */
    topic: z.string().min(1).max(249).optional(),
    consumerGroup: z.string().min(1).max(255).optional(),
    /** event bus -> target: the rule's event pattern. */
    eventPattern: z.record(z.string(), z.unknown()).optional(),
    /** trigger: records per batch handed to the consumer. */
    batchSize: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export const nodeSchema = z
  .object({
    id: idSchema,
    kind: z.string().min(1),
    label: z.string().max(MAX_LABEL_LENGTH, `is longer than ${MAX_LABEL_LENGTH} characters`),
    parent: idSchema.optional(),
    position: positionSchema.optional(),
    /** groups: their drawn size on the canvas. */
    size: sizeSchema.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const edgeSchema = z
  .object({
    id: idSchema.optional(),
    source: idSchema,
    target: idSchema,
    kind: z.enum(EDGE_KINDS).optional(),
    label: z.string().max(MAX_LABEL_LENGTH, `is longer than ${MAX_LABEL_LENGTH} characters`).optional(),
    config: edgeConfigSchema.optional(),
  })
  .strict();

export const suppressionSchema = z
  .object({
    rule: z.string().min(1).max(100),
    nodeId: idSchema.optional(),
    edgeId: idSchema.optional(),
    reason: z.string().trim().min(1, 'must say why the finding is accepted').max(1000),
  })
  .strict();

/**
 * A saved view for presenting (Review steps through them like slides). `viewport` is the flow
 * point at the centre of the screen and the zoom, so a view means the same on any screen size;
 * `highlighted` nodes are drawn in focus, the rest dimmed.
 */
export const viewSchema = z
  .object({
    name: z.string().min(1).max(MAX_NAME_LENGTH),
    viewport: z
      .object({ x: finite, y: finite, zoom: z.number().positive().max(10) })
      .strict()
      .optional(),
    highlighted: z.array(idSchema).optional(),
    description: z.string().max(2000).optional(),
  })
  .strict();

export const noteSchema = z
  .object({
    id: idSchema.optional(),
    text: z.string().max(10_000),
    nodeId: idSchema.optional(),
    position: positionSchema.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    low: z.number().min(0).max(1000).optional(),
    typical: z.number().min(0).max(1000).optional(),
    peak: z.number().min(0).max(1000).optional(),
  })
  .strict();

/** Document-wide usage assumptions, used where a node states none of its own. */
export const usageSchema = z
  .object({
    requestsPerMonth: z.number().min(0).optional(),
    messagesPerMonth: z.number().min(0).optional(),
    payloadKb: z.number().min(0).optional(),
    storageGb: z.number().min(0).optional(),
    dataOutGb: z.number().min(0).optional(),
    freeTier: z.boolean().optional(),
    scenarios: scenarioSchema.optional(),
  })
  .strict();

/**
 * Format version 1 of the architecture document, as DESIGN.md fixes it. Parsing fills in the
 * top-level defaults (provider, region, environment, empty lists) and missing edge ids; node
 * configs stay exactly as written (their defaults are resolved by `resolveConfig`).
 */
export const documentSchema = z
  .object({
    stackdraft: z.literal(FORMAT_VERSION),
    name: z.string().trim().min(1, 'must not be empty').max(MAX_NAME_LENGTH),
    description: z.string().max(10_000).optional(),
    provider: z.enum(PROVIDERS).default('aws'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'must be a region code such as us-east-1')
      .default('us-east-1'),
    environment: z.enum(ENVIRONMENTS).default('production'),
    budget: z.number().min(0).optional(),
    usage: usageSchema.optional(),
    nodes: z.array(nodeSchema).default([]),
    edges: z.array(edgeSchema).default([]),
    suppressions: z.array(suppressionSchema).optional(),
    views: z.array(viewSchema).optional(),
    notes: z.array(noteSchema).optional(),
  })
  .strict();

type RawDocument = z.output<typeof documentSchema>;
export type DocumentNode = z.output<typeof nodeSchema>;
export type EdgeConfig = z.output<typeof edgeConfigSchema>;
/** An edge of a loaded document: its id is always present. */
export type DocumentEdge = Omit<z.output<typeof edgeSchema>, 'id'> & { id: string };
export type Suppression = z.output<typeof suppressionSchema>;
export type View = z.output<typeof viewSchema>;
export type Note = z.output<typeof noteSchema>;
export type Usage = z.output<typeof usageSchema>;
export type Environment = (typeof ENVIRONMENTS)[number];
export type AccessMode = (typeof ACCESS_MODES)[number];

/** A loaded, valid architecture document. Plain data: no class instances, no UI types. */
export type ArchitectureDocument = Omit<RawDocument, 'edges'> & { edges: DocumentEdge[] };
