import { named } from './context';
import { costOf, usd } from './cost';
import { defineRule } from './define-rule';

/** How many of the largest cost items a finding names. */
const LARGEST = 3;

export const overBudget = defineRule({
  id: 'over-budget',
  title: 'Estimated cost over the budget',
  severity: 'warning',
  pillar: 'cost-optimization',
  explanation:
    'The estimated monthly cost of the design (AWS list prices, the stated or derived usage, 730 hours a ' +
    'month) is above the budget the document states. Architecture decisions drive the bill more than ' +
    'anything tuned later: instance classes, always-on capacity, Multi-AZ and extra regions multiply it. ' +
    'The seed’s third pitfall, ignoring cost, ends with a $10,000 design for a $500 need. Look at the ' +
    'largest items first: serverless and on-demand capacity for variable load, smaller instances, fewer ' +
    'regions until the business needs them; or raise the budget, knowingly.',
  pattern: 'Common Pitfalls 3: Ignoring Cost in Architecture',
  check(graph, ctx) {
    const budget = ctx.doc.budget;
    if (budget === undefined) return [];
    const estimate = costOf(ctx.doc);
    if (estimate.budget ? !estimate.budget.overBudget : estimate.monthlyTotal <= budget) return [];
    const over = estimate.monthlyTotal - budget;
    const largest = [...estimate.items]
      .filter((i) => i.monthly > 0)
      .sort((a, b) => b.monthly - a.monthly)
      .slice(0, LARGEST);
    const share = budget > 0 ? ` (${Math.round((over / budget) * 100)}%)` : '';
    const items = largest
      .map((i) => {
        const node = graph.nodes.get(i.nodeId);
        return `${node ? named(node) : i.nodeId} ${usd(i.monthly)}`;
      })
      .join(', ');
    return [
      {
        nodeIds: largest.map((i) => i.nodeId),
        discriminator: 'budget',
        message:
          `The estimated cost of ${usd(estimate.monthlyTotal)} / month is ${usd(over)}${share} over the budget of ${usd(budget)}.` +
          (items ? ` Largest items: ${items}.` : ''),
      },
    ];
  },
});
