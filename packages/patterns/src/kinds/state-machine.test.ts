import { describe, expect, it } from 'vitest';
import { stateMachine } from './state-machine';

type State = Record<string, unknown> & { name: string };

/** The seed's order workflow, with the inventory decision as its own Choice state. */
function orderWorkflow(): { type: string; startAt?: string; states: State[] } {
  return {
    type: 'standard',
    startAt: 'ValidateOrder',
    states: [
      { name: 'ValidateOrder', type: 'Task', resource: 'validate-order', next: 'CheckInventory' },
      { name: 'CheckInventory', type: 'Task', resource: 'check-inventory', next: 'InventoryAvailable' },
      {
        name: 'InventoryAvailable',
        type: 'Choice',
        choices: [
          {
            variable: '$.inventory_available',
            operator: 'BooleanEquals',
            value: true,
            next: 'ProcessPayment',
          },
        ],
        default: 'NotifyOutOfStock',
      },
      {
        name: 'ProcessPayment',
        type: 'Task',
        resource: 'process-payment',
        next: 'UpdateOrder',
        retry: { maxAttempts: 2, intervalSeconds: 2, backoffRate: 2 },
      },
      { name: 'UpdateOrder', type: 'Task', resource: 'update-order', next: 'NotifyCustomer' },
      { name: 'NotifyCustomer', type: 'Task', resource: 'notify-customer', end: true },
      { name: 'NotifyOutOfStock', type: 'Task', resource: 'notify-out-of-stock', end: true },
    ],
  };
}

/** The order workflow with one state changed (keys set to undefined are removed). */
function withState(name: string, patch: Record<string, unknown>) {
  const config = orderWorkflow();
  const state = config.states.find((s) => s.name === name);
  if (!state) throw new Error(`no state ${name}`);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete state[key];
    else state[key] = value;
  }
  return config;
}

/** The paths of every issue the config has (empty when it is valid). */
function issuePaths(config: unknown): PropertyKey[][] {
  const r = stateMachine.config.safeParse(config);
  return r.success ? [] : r.error.issues.map((i) => i.path);
}

function firstMessage(config: unknown): string {
  const r = stateMachine.config.safeParse(config);
  return r.success ? '' : (r.error.issues[0]?.message ?? '');
}

describe('state-machine config', () => {
  it('has valid defaults and no states unless given', () => {
    const r = stateMachine.config.safeParse({});
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ type: 'standard' });
  });

  it('accepts the seed order workflow with a separate Choice state', () => {
    const r = stateMachine.config.safeParse(orderWorkflow());
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data?.states?.[2]?.type).toBe('Choice');
  });

  it('starts at the first state when startAt is absent', () => {
    const { startAt: _, ...config } = orderWorkflow();
    expect(issuePaths(config)).toEqual([]);
  });

  it('fills retry and catch defaults', () => {
    const config = withState('ProcessPayment', { retry: {}, catch: [{ next: 'NotifyOutOfStock' }] });
    const r = stateMachine.config.safeParse(config);
    expect(r.success).toBe(true);
    expect(r.data?.states?.[3]?.retry).toEqual({ maxAttempts: 3, intervalSeconds: 1, backoffRate: 2 });
    expect(r.data?.states?.[3]?.catch).toEqual([{ errors: ['States.ALL'], next: 'NotifyOutOfStock' }]);
  });

  it("rejects the seed's Task that also tries to be a Choice", () => {
    const config = withState('CheckInventory', {
      next: undefined,
      choices: [
        { variable: '$.inventory_available', operator: 'BooleanEquals', value: true, next: 'ProcessPayment' },
      ],
      default: 'NotifyOutOfStock',
    });
    config.states.splice(2, 1);
    expect(issuePaths(config)).toEqual([
      ['states', 1, 'choices'],
      ['states', 1, 'default'],
      ['states', 1, 'next'],
    ]);
  });

  it('reports a duplicate state name at the second one', () => {
    const config = orderWorkflow();
    config.states.push({ name: 'UpdateOrder', type: 'Succeed' });
    expect(issuePaths(config)).toEqual([['states', 7, 'name']]);
    expect(firstMessage(config)).toContain('"UpdateOrder" is already used by states[4]');
  });

  it('reports a next that names no state, with a suggestion', () => {
    const config = withState('UpdateOrder', { next: 'NotifyCustomr' });
    expect(issuePaths(config)).toContainEqual(['states', 4, 'next']);
    expect(firstMessage(config)).toBe(
      'state "UpdateOrder" goes next to "NotifyCustomr", which does not exist (did you mean "NotifyCustomer"?)',
    );
  });

  it('reports a default that names no state', () => {
    const config = withState('InventoryAvailable', { default: 'Nowhere' });
    expect(issuePaths(config)).toContainEqual(['states', 2, 'default']);
  });

  it('reports a choice whose next names no state', () => {
    const config = withState('InventoryAvailable', {
      choices: [{ variable: '$.inventory_available', operator: 'BooleanEquals', value: true, next: 'Pay' }],
    });
    expect(issuePaths(config)).toContainEqual(['states', 2, 'choices', 0, 'next']);
  });

  it('reports a catch whose next names no state', () => {
    const config = withState('ProcessPayment', { catch: [{ errors: ['PaymentDeclined'], next: 'Refund' }] });
    expect(issuePaths(config)).toEqual([['states', 3, 'catch', 0, 'next']]);
  });

  it('reports a startAt that names no state', () => {
    expect(issuePaths({ ...orderWorkflow(), startAt: 'Validate' })).toEqual([['startAt']]);
    expect(issuePaths({ startAt: 'Validate' })).toEqual([['startAt']]);
  });

  it('reports a Choice with no choices', () => {
    expect(issuePaths(withState('InventoryAvailable', { choices: undefined }))).toEqual([
      ['states', 2, 'choices'],
    ]);
    expect(issuePaths(withState('InventoryAvailable', { choices: [] }))).toEqual([['states', 2, 'choices']]);
  });

  it('reports a Choice with a resource, next or end', () => {
    expect(issuePaths(withState('InventoryAvailable', { resource: 'check-inventory' }))).toEqual([
      ['states', 2, 'resource'],
    ]);
    expect(issuePaths(withState('InventoryAvailable', { next: 'ProcessPayment' }))).toEqual([
      ['states', 2, 'next'],
    ]);
    expect(issuePaths(withState('InventoryAvailable', { end: true }))).toEqual([['states', 2, 'end']]);
  });

  it('reports a choice value of the wrong type for its operator', () => {
    const config = withState('InventoryAvailable', {
      choices: [
        {
          variable: '$.inventory_available',
          operator: 'BooleanEquals',
          value: 'true',
          next: 'ProcessPayment',
        },
      ],
    });
    expect(issuePaths(config)).toEqual([['states', 2, 'choices', 0, 'value']]);
  });

  it.each(['Task', 'Pass', 'Wait', 'Parallel', 'Map'])(
    'reports a %s with neither next nor end, or both',
    (type) => {
      const extra =
        type === 'Wait'
          ? { seconds: 10, resource: undefined }
          : type === 'Pass' || type === 'Parallel'
            ? { resource: undefined }
            : {};
      expect(issuePaths(withState('NotifyCustomer', { type, ...extra, end: undefined }))).toEqual([
        ['states', 5, 'next'],
      ]);
      expect(issuePaths(withState('NotifyCustomer', { type, ...extra, end: false }))).toEqual([
        ['states', 5, 'next'],
      ]);
      expect(issuePaths(withState('UpdateOrder', { type, ...extra, end: true }))).toEqual([
        ['states', 4, 'end'],
      ]);
    },
  );

  it.each(['Succeed', 'Fail'])('reports a %s with next', (type) => {
    const config = withState('NotifyCustomer', {
      type,
      resource: undefined,
      end: undefined,
      next: 'NotifyOutOfStock',
    });
    expect(issuePaths(config)).toEqual([['states', 5, 'next']]);
  });

  it('reports a Wait without seconds', () => {
    const config = withState('UpdateOrder', { type: 'Wait', resource: undefined });
    expect(issuePaths(config)).toEqual([['states', 4, 'seconds']]);
    expect(issuePaths(withState('UpdateOrder', { type: 'Wait', resource: undefined, seconds: 30 }))).toEqual(
      [],
    );
  });

  it('reports fields that only other state types may have', () => {
    expect(issuePaths(withState('UpdateOrder', { seconds: 5 }))).toEqual([['states', 4, 'seconds']]);
    expect(issuePaths(withState('UpdateOrder', { type: 'Pass' }))).toEqual([['states', 4, 'resource']]);
    expect(
      issuePaths(
        withState('InventoryAvailable', { retry: { maxAttempts: 1, intervalSeconds: 1, backoffRate: 1 } }),
      ),
    ).toEqual([['states', 2, 'retry']]);
  });

  it('reports a state nothing leads to', () => {
    const config = orderWorkflow();
    config.states.push({ name: 'Orphan', type: 'Pass', end: true });
    expect(issuePaths(config)).toEqual([['states', 7]]);
  });

  it('reports a workflow that can never end', () => {
    const config = {
      states: [
        { name: 'Poll', type: 'Task', resource: 'poller', next: 'Pause' },
        { name: 'Pause', type: 'Wait', seconds: 60, next: 'Poll' },
      ],
    };
    expect(issuePaths(config)).toEqual([['states']]);
  });

  it('rejects unknown keys and malformed values inside a state', () => {
    expect(issuePaths(withState('UpdateOrder', { Next: 'NotifyCustomer' }))).toEqual([['states', 4]]);
    expect(issuePaths(withState('UpdateOrder', { resource: 'Update Order' }))).toEqual([
      ['states', 4, 'resource'],
    ]);
    expect(issuePaths(withState('UpdateOrder', { name: 'x'.repeat(81) }))).toContainEqual([
      'states',
      4,
      'name',
    ]);
    expect(
      issuePaths(
        withState('InventoryAvailable', {
          choices: [
            {
              variable: 'inventory_available',
              operator: 'BooleanEquals',
              value: true,
              next: 'ProcessPayment',
            },
          ],
        }),
      ),
    ).toEqual([['states', 2, 'choices', 0, 'variable']]);
  });
});
