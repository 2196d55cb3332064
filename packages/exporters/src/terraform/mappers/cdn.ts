import { snakeIdentifier } from '../../shared/names';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, blocks, call, tpl, type Value } from '../hcl';
import type { Res } from '../module';
import { description, output, routePath, target } from './common';

/** AWS managed cache and origin request policies (fixed ids published by CloudFront). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];

interface Origin {
  origin: Body;
  /** Static content is cached; dynamic origins pass every request through. */
  dynamic: boolean;
}

function customOrigin(id: string, domain: Value, https: boolean): Body {
  return {
    origin_id: id,
    domain_name: domain,
    custom_origin_config: block({
      http_port: 80,
      https_port: 443,
      origin_protocol_policy: https ? 'https-only' : 'http-only',
      origin_ssl_protocols: ['TLSv1.2'],
    }),
  };
}

/** The origin for one edge's target, with the access it needs; undefined when CloudFront cannot reach it. */
function originFor(ctx: ExportContext, self: NodeExport, t: NodeExport): Origin | undefined {
  const dist = self.cdn as Res;
  const id = t.node.id;
  if (t.bucket) {
    const oac = ctx.shared(`oac:${self.node.id}`, () =>
      ctx.done(self.node, 'aws_cloudfront_origin_access_control', self.node.id, {
        name: ctx.names.name('oac', self.node.id),
        origin_access_control_origin_type: 's3',
        signing_behavior: 'always',
        signing_protocol: 'sigv4',
      }),
    );
    t.bucket.policy.allow({
      service: 'cloudfront.amazonaws.com',
      actions: ['s3:GetObject'],
      resource: tpl`${t.bucket.res.ref('arn')}/*`,
      condition: { StringEquals: { 'AWS:SourceArn': dist.ref('arn') } },
    });
    return {
      origin: {
        origin_id: id,
        domain_name: t.bucket.res.ref('bucket_regional_domain_name'),
        origin_access_control_id: oac.ref('id'),
      },
      dynamic: false,
    };
  }
  if (t.lb && !t.lb.internal)
    return { origin: customOrigin(id, t.lb.res.ref('dns_name'), false), dynamic: true };
  if (t.api) {
    return {
      origin: customOrigin(id, call('replace', t.api.res.ref('api_endpoint'), 'https://', ''), true),
      dynamic: true,
    };
  }
  if (t.externalUrl) {
    return {
      origin: customOrigin(id, t.externalUrl.hostname, t.externalUrl.protocol === 'https:'),
      dynamic: true,
    };
  }
  return undefined;
}

function behavior(originId: string, dynamic: boolean): Body {
  return {
    target_origin_id: originId,
    viewer_protocol_policy: 'redirect-to-https',
    allowed_methods: dynamic ? ALL_METHODS : ['GET', 'HEAD', 'OPTIONS'],
    cached_methods: ['GET', 'HEAD'],
    cache_policy_id: dynamic ? CACHING_DISABLED : CACHING_OPTIMIZED,
    origin_request_policy_id: dynamic ? ALL_VIEWER_EXCEPT_HOST : undefined,
    compress: true,
  };
}

interface CdnConfig {
  priceClass: string;
}

/**
 * `cdn` -> `aws_cloudfront_distribution` with one origin per edge: S3 buckets through an origin
 * access control (and a bucket policy for exactly this distribution), public load balancers, API
 * gateways and external URLs as custom origins. The first origin is the default behavior (cached
 * for buckets, pass-through for dynamic origins); the others get a path behavior.
 */
export const cdnMapper: KindMapper = {
  kinds: ['cdn'],
  map(ctx, node) {
    const c = ctx.config<CdnConfig>(node);
    const dist = ctx.res(node, 'aws_cloudfront_distribution', node.id, {
      enabled: true,
      comment: description(node.label, 128),
      price_class: c.priceClass,
      is_ipv6_enabled: true,
      http_version: 'http2and3',
      web_acl_id: undefined,
      origin: undefined,
      default_cache_behavior: undefined,
      ordered_cache_behavior: undefined,
      restrictions: block({ geo_restriction: block({ restriction_type: 'none' }) }),
      viewer_certificate: block({ cloudfront_default_certificate: true }),
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'domain_names', 'CloudFront domain name', dist.ref('domain_name'));
    return { node, region: ctx.graph.regionOf(node.id), main: dist, arn: dist.ref('arn'), cdn: dist };
  },
  wire(ctx, self) {
    const dist = self.cdn as Res;
    const origins: Body[] = [];
    const ordered: Body[] = [];
    for (const e of ctx.edges(self.node.id, 'out', 'sync')) {
      const t = target(ctx, e);
      const o = t && originFor(ctx, self, t);
      if (!o || !t) continue;
      ctx.handled(e);
      origins.push(o.origin);
      if (origins.length === 1) dist.body.default_cache_behavior = block(behavior(t.node.id, o.dynamic));
      else {
        const path = (routePath(e.edge.config?.route) ?? `/${t.node.id}/{proxy+}`).replace(/\{[^}]*\}/g, '*');
        ordered.push({ path_pattern: path, ...behavior(t.node.id, o.dynamic) });
      }
    }
    if (origins.length === 0) {
      ctx.warn(
        'A CloudFront distribution needs an origin: connect the CDN to a bucket, load balancer or API, or set its origin variable.',
        self.node.id,
      );
      const domain = ctx.module.variable(`${snakeIdentifier(self.node.id)}_origin_domain`, {
        type: 'string',
        description: `Origin host name of the ${self.node.id} CDN.`,
        default: 'origin.example.com',
        fillIn: true,
      });
      origins.push(customOrigin('origin', domain, true));
      dist.body.default_cache_behavior = block(behavior('origin', true));
    }
    dist.body.origin = blocks(origins);
    dist.body.ordered_cache_behavior = blocks(ordered);
  },
};
