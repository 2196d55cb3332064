import { Info, type LucideIcon, OctagonX, TriangleExclamationPoint } from 'lucide-react';
import type { Severity } from '../analysis/node-analysis';

/** How each severity looks: its icon, colour and the word a screen reader says. */
export const SEVERITY_STYLE: Record<
  Severity,
  { icon: LucideIcon; text: string; badge: string; word: string }
> = {
  error: {
    icon: OctagonX,
    text: 'text-red-600 dark:text-red-400',
    badge: 'bg-red-600 text-white',
    word: 'Error',
  },
  warning: {
    icon: TriangleExclamationPoint,
    text: 'text-amber-600 dark:text-amber-400',
    badge: 'bg-amber-500 text-white',
    word: 'Warning',
  },
  info: {
    icon: Info,
    text: 'text-sky-600 dark:text-sky-400',
    badge: 'bg-sky-600 text-white',
    word: 'Info',
  },
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
