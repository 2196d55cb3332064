import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * One zod issue as a short phrase that follows a field name ("must be at least 1"). Messages that
 * a schema wrote itself (pattern hints, cross-field checks) are kept as written.
 */
export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} items`;
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

/** The first issue at `key` (or below it) of a failed parse, described; undefined if none there. */
export function issueAt(error: z.ZodError, key: string): string | undefined {
  const issue = error.issues.find((i) => i.path[0] === key) ?? error.issues.find((i) => i.path.length === 0);
  if (!issue) return undefined;
  const rest = issue.path.slice(1);
  const where = rest.length > 0 ? `${rest.join('.')} ` : '';
  return `${where}${describeIssue(issue)}`;
}
