import { type CostEstimate, type CostItem, estimateCost, formatUsd } from '@stackdraft/patterns';
import type { Command } from 'commander';
import { EXIT } from '../io';
import { formatInputError, type InputError, loadDocumentFile } from '../load';
import type { CommandContext } from './command';
import { printable } from './export';

/** Dollars (at most two decimals) as people read money: `$1,234.56`. */
const usd = (dollars: number) => formatUsd(Math.round(dollars * 100));

/** 262800000 -> "262,800,000", 0.5 -> "0.5": quantities as people read them. */
function count(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 4 : 2 });
}

/** A unit price with the precision it has (prices go down to fractions of a cent). */
function price(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 })}`;
}

/** Cuts text to `width` characters (by code point), marking the cut. */
function cut(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - Array.from(text).length));
const padStart = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - Array.from(text).length)) + text;

function itemLines(item: CostItem, widths: { name: number; kind: number; money: number }): string[] {
  const name = cut(
    printable(item.label.trim() ? `${item.label} (${item.nodeId})` : item.nodeId),
    widths.name,
  );
  const lines = [
    `${pad(name, widths.name)}  ${pad(item.kind, widths.kind)}  ${padStart(usd(item.monthly), widths.money)}`,
  ];
  for (const c of item.components) {
    const free = c.freeQuantity ? `, ${count(c.freeQuantity)} free` : '';
    const unknown = c.priceUnknown ? ' (no price known: counted as $0)' : '';
    // "730 hour × $0.13 per hour", but "3 × $0.40 per 1M requests" (the unit already holds the count).
    const quantity = /^\d/.test(c.unit) ? count(c.quantity) : `${count(c.quantity)} ${c.unit}`;
    lines.push(
      `    ${printable(c.name)}: ${quantity} × ${price(c.unitPrice)} per ${c.unit}${free} = ${usd(c.monthly)}${unknown}`,
    );
  }
  if (item.free && item.components.length === 0) lines.push(`    no charge: ${printable(item.free)}`);
  if (item.note && item.note !== item.free) lines.push(`    ${printable(item.note)}`);
  return lines;
}

/** The estimate as a table a person reads: one row per node with its components, then the totals and assumptions. */
export function costTable(file: string, name: string, estimate: CostEstimate): string {
  const items = estimate.items;
  const widths = {
    name: Math.min(
      48,
      Math.max(4, ...items.map((i) => Array.from(printable(`${i.label} (${i.nodeId})`)).length)),
    ),
    kind: Math.max(4, ...items.map((i) => i.kind.length)),
    money: Math.max(7, ...items.map((i) => usd(i.monthly).length)),
  };
  const { pricing } = estimate;
  const out = [
    `Cost of ${JSON.stringify(printable(name))} (${file}): AWS list prices, ${pricing.region}, as of ${pricing.asOf}`,
    '',
    `${pad('Node', widths.name)}  ${pad('Kind', widths.kind)}  ${padStart('Monthly', widths.money)}`,
    `${'-'.repeat(widths.name)}  ${'-'.repeat(widths.kind)}  ${'-'.repeat(widths.money)}`,
  ];
  for (const item of items) out.push(...itemLines(item, widths));
  out.push('', `Total: ${usd(estimate.monthlyTotal)} / month`);
  const s = estimate.scenarios;
  out.push(
    `Scenarios: low ${usd(s.low.monthlyTotal)} · typical ${usd(s.typical.monthlyTotal)} · peak ${usd(s.peak.monthlyTotal)} / month`,
  );
  if (estimate.budget) {
    const b = estimate.budget;
    out.push(
      b.overBudget
        ? `Budget: ${usd(b.amount)} / month, exceeded by ${usd(-b.remaining)}`
        : `Budget: ${usd(b.amount)} / month, ${usd(b.remaining)} left`,
    );
  }
  for (const u of estimate.unknownPrices)
    out.push(`Warning: no price for ${printable(u.subject)} (${u.nodeId}); it counts as $0 in the total`);
  if (estimate.assumptions.length > 0) {
    out.push('', 'Assumptions:');
    for (const a of estimate.assumptions) out.push(`  - ${printable(a)}`);
  }
  out.push(`Prices: ${pricing.source}`);
  return `${out.join('\n')}\n`;
}

function jsonErrors(file: string, errors: InputError[]) {
  return {
    file,
    errors: errors.map((e) => ({
      code: e.code,
      message: e.message,
      path: e.path,
      line: e.line ?? null,
      column: e.line === undefined ? null : (e.column ?? 1),
    })),
  };
}

/** `stackdraft cost FILE [--json]`: the monthly estimate of a design (exit 2 on bad input). */
export async function cost(ctx: CommandContext, file: string, options: { json?: boolean }): Promise<number> {
  const { io } = ctx;
  const loaded = await loadDocumentFile(io, file);
  if (!loaded.ok) {
    if (options.json) io.stdout(`${JSON.stringify(jsonErrors(file, loaded.errors), null, 2)}\n`);
    else {
      for (const e of loaded.errors) io.stderr(`${formatInputError(e, file)}\n`);
      const n = loaded.errors.length;
      io.stderr(`✗ ${file}: invalid (${n} error${n === 1 ? '' : 's'}); no estimate\n`);
    }
    return EXIT.badInput;
  }
  const estimate = estimateCost(loaded.document);
  io.stdout(
    options.json ? `${JSON.stringify(estimate, null, 2)}\n` : costTable(file, loaded.document.name, estimate),
  );
  return EXIT.ok;
}

export function registerCost(program: Command, ctx: CommandContext): void {
  program
    .command('cost')
    .description(
      'estimate what a design costs per month on AWS: a table per node, the total and the assumptions',
    )
    .argument('<file>', 'a .stackdraft.yaml or .stackdraft.json document')
    .option('--json', 'print the estimate (the estimateCost result) as JSON on stdout')
    .addHelpText('after', '\nExit codes: 0 estimated, 2 the file cannot be read or is not a valid document.')
    .action(async (file: string, options: { json?: boolean }) => {
      ctx.exitCode = await cost(ctx, file, options);
    });
}
