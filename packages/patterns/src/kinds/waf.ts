import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, volume } from '../catalog/fields';
import { fixed, MILLION, usageLine } from '../cost/helpers';

export const waf = defineKind({
  id: 'waf',
  label: 'WAF',
  category: 'edge',
  icon: 'shield',
  description:
    'A web application firewall in front of a CDN, load balancer or API gateway: blocks common exploits and bots, and rate-limits by IP.',
  traits: ['edge'],
  config: z
    .object({
      rules: num({
        default: 5,
        min: 0,
        int: true,
        unit: 'count',
        description: 'Rules and rule groups in the web ACL',
      }),
      requestsPerMonth: volume({
        unit: 'requests/month',
        description: 'Requests inspected; derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [{ from: ['client', 'dns', 'cdn'], as: 'sync' }],
  connectionHint: 'A WAF receives requests from clients, DNS or a CDN.',
  cost: {
    aws: {
      traffic: { volumeField: 'requestsPerMonth' },
      components(ctx) {
        const requests = ctx.volume({
          field: 'requestsPerMonth',
          label: 'requests a month',
          traffic: 'requests',
          document: 'requestsPerMonth',
          default: 10_000_000,
          defaultWhy: 'a small site, about 4 requests/s',
        });
        const rules = ctx.config.rules;
        const lines = [fixed('Web ACL', 1, 'waf.web-acl')];
        if (rules > 0) lines.push(fixed(`Rules (${rules})`, rules, 'waf.rules'));
        lines.push(usageLine('Requests inspected', requests, requests.value / MILLION, 'waf.requests'));
        return lines;
      },
    },
  },
  aws: {
    service: 'AWS WAF',
    terraform: ['aws_wafv2_web_acl', 'aws_wafv2_web_acl_association'],
    cdk: ['aws_wafv2.CfnWebACL', 'aws_wafv2.CfnWebACLAssociation'],
    docs: 'https://aws.amazon.com/waf/pricing/',
  },
});
