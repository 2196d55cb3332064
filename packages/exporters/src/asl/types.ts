/**
 * The `state-machine` node's config as the exporters read it (after `resolveConfig`): the
 * ASL-like list of states the catalog validates (see the kind in @stackdraft/patterns).
 */
export interface StateMachineConfig {
  type: 'standard' | 'express';
  startAt?: string;
  states?: StateInput[];
}

export interface ChoiceRuleInput {
  variable: string;
  operator: string;
  value: string | number | boolean;
  next: string;
}

export interface StateInput {
  name: string;
  type: 'Task' | 'Choice' | 'Pass' | 'Wait' | 'Parallel' | 'Map' | 'Succeed' | 'Fail';
  resource?: string;
  next?: string;
  end?: boolean;
  choices?: ChoiceRuleInput[];
  default?: string;
  seconds?: number;
  retry?: { maxAttempts: number; intervalSeconds: number; backoffRate: number };
  catch?: { errors: string[]; next: string }[];
  comment?: string;
}

/** An Amazon States Language definition (or a branch / item processor of one): plain JSON data. */
export interface AslDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, AslState>;
}

export type AslState = Record<string, unknown> & { Type: string };
