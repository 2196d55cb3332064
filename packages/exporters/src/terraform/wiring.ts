import type { ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, NodeExport } from './context';
import type { Access } from './iam';

/** What the caller of a sync or async edge does with its target. */
function accessOf(e: ResolvedEdge, t: NodeExport): Access {
  if (e.kind === 'async') return 'write';
  if (t.lambda || t.stateMachine) return 'invoke';
  return e.edge.config?.access ?? 'readwrite';
}

/**
 * The wiring every edge gets, whatever its kinds: IAM statements for the principal that uses a
 * node (a caller's role gets the target's grant; a consumer's role gets the source's `consume`
 * grant on a trigger edge), and a security group rule where both ends live in a VPC.
 */
export function wireEdges(ctx: ExportContext): void {
  for (const e of ctx.graph.edges) {
    const s = ctx.exports.get(e.source.id);
    const t = ctx.exports.get(e.target.id);
    if (!s || !t || e.kind === undefined) continue;
    if (e.kind === 'trigger') {
      const statements = s.grant?.('consume') ?? [];
      if (t.principal && statements.length > 0) {
        t.principal.allow(...statements);
        ctx.handled(e);
      }
      // A consumer connects to its broker (Kafka), not the other way round.
      if (t.sg && s.sg && s.port !== undefined) {
        ctx.allowTcp(t.sg, s.sg, s.port);
        ctx.handled(e);
      }
    } else if (e.kind === 'sync' || e.kind === 'async') {
      const statements = t.grant?.(accessOf(e, t)) ?? [];
      if (s.principal && statements.length > 0) {
        s.principal.allow(...statements);
        ctx.handled(e);
      }
      if (s.sg && t.sg && t.port !== undefined) {
        ctx.allowTcp(s.sg, t.sg, t.port);
        ctx.handled(e);
      }
    }
  }
}

/** Edges between two exported nodes that nothing expressed are reported, never silently dropped. */
export function reportUnhandledEdges(ctx: ExportContext): void {
  for (const e of ctx.graph.edges) {
    if (ctx.handledEdges.has(e.edge.id)) continue;
    const s = ctx.exports.get(e.source.id);
    const t = ctx.exports.get(e.target.id);
    if (!s?.main || !t?.main) continue;
    ctx.info(
      `The ${e.kind ?? 'unknown'} edge from ${e.source.id} (${e.source.kind}) to ${e.target.id} (${e.target.kind}) has no Terraform counterpart; it is not in the export.`,
      e.source.id,
      e.edge.id,
    );
  }
}
