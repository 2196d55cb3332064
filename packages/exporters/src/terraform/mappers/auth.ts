import type { KindMapper } from '../context';
import { block } from '../hcl';
import { output } from './common';

const TIERS: Record<string, string> = { lite: 'LITE', essentials: 'ESSENTIALS', plus: 'PLUS' };

/**
 * `auth` -> `aws_cognito_user_pool` (email sign-in, optional TOTP MFA, its feature tier) and an
 * `aws_cognito_user_pool_client` for the app (no secret, SRP sign-in). Connected API gateways use
 * the pool as their JWT issuer and the client as the audience.
 */
export const authMapper: KindMapper = {
  kinds: ['auth'],
  map(ctx, node) {
    const { tier } = ctx.config<{ tier: string }>(node);
    const pool = ctx.done(node, 'aws_cognito_user_pool', node.id, {
      name: ctx.names.name('cognito', node.id),
      user_pool_tier: TIERS[tier] ?? 'ESSENTIALS',
      username_attributes: ['email'],
      auto_verified_attributes: ['email'],
      mfa_configuration: 'OPTIONAL',
      deletion_protection: ctx.production ? 'ACTIVE' : 'INACTIVE',
      software_token_mfa_configuration: block({ enabled: true }),
      password_policy: block({
        minimum_length: 12,
        require_lowercase: true,
        require_uppercase: true,
        require_numbers: true,
        require_symbols: false,
        temporary_password_validity_days: 3,
      }),
      account_recovery_setting: block({ recovery_mechanism: block({ name: 'verified_email', priority: 1 }) }),
      tags: ctx.tags(node.id, node.id),
    });
    const client = ctx.done(node, 'aws_cognito_user_pool_client', node.id, {
      name: ctx.names.name('cognito', `${node.id}-app`),
      user_pool_id: pool.ref('id'),
      generate_secret: false,
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      prevent_user_existence_errors: 'ENABLED',
      enable_token_revocation: true,
    });
    output(ctx, node, 'user_pool_ids', 'Cognito user pool id', pool.ref('id'));
    output(ctx, node, 'client_ids', 'Cognito app client id', client.ref('id'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: pool,
      arn: pool.ref('arn'),
      userPool: { pool, client },
    };
  },
};
