import { dnsLabel } from '../k8s/names';

/**
 * Route paths from user text. An edge's `route` (e.g. `/orders/*`) is free text; each target
 * service accepts a narrower grammar, so a route that does not fit falls back to `/<target-id>/...`
 * and the caller reports it.
 */

const HTTP_API_SEGMENT = /^([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\})$/;

/** An HTTP API route path (`/orders/*` -> `/orders/{proxy+}`), or undefined when `route` does not fit. */
export function httpApiPath(route: string | undefined): string | undefined {
  if (route === undefined) return undefined;
  if (!route.startsWith('/')) return undefined;
  const segments = route.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return '/';
  const out: string[] = [];
  for (const [i, s] of segments.entries()) {
    const last = i === segments.length - 1;
    if (last && (s === '*' || s === '{proxy+}')) out.push('{proxy+}');
    else if (last && s === '') continue;
    else if (HTTP_API_SEGMENT.test(s)) out.push(s);
    else return undefined;
  }
  return `/${out.join('/')}`;
}

/** The default route of a target that has none: `/<target-id>/{proxy+}`. */
export function defaultHttpApiPath(targetId: string): string {
  return `/${dnsLabel(targetId)}/{proxy+}`;
}

/** Characters ALB and CloudFront path patterns allow (besides `*` and `?` wildcards), at most 128 long. */
const PATH_PATTERN = /^\/[A-Za-z0-9_\-.$/~"'@:+*?]{0,127}$/;

/** An ALB / CloudFront path pattern from `route`, or undefined when it does not fit. */
export function pathPattern(route: string | undefined): string | undefined {
  return route !== undefined && PATH_PATTERN.test(route) ? route : undefined;
}

export function defaultPathPattern(targetId: string): string {
  return `/${dnsLabel(targetId)}/*`;
}
