import { commentRoutes } from './comments';
import type { RouteContext } from './context';
import { diagramRoutes } from './diagrams';
import { metaRoutes } from './meta';
import type { AnyRoute } from './table';
import { toolRoutes } from './tools';
import { versionRoutes } from './versions';

/** Every API route, in the order they are registered and described. */
export function apiRoutes(ctx: RouteContext, openApi: () => unknown): AnyRoute[] {
  return [
    ...metaRoutes(ctx, openApi),
    ...diagramRoutes(ctx),
    ...versionRoutes(ctx),
    ...commentRoutes(ctx),
    ...toolRoutes(ctx),
  ];
}
