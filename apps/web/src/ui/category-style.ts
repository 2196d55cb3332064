import type { CategoryId } from '@stackdraft/patterns';

/**
 * The colour of each palette category, used for node accents and the palette's icons. Class names
 * are written out in full so that Tailwind finds them.
 */
export const CATEGORY_STYLE: Record<CategoryId, { icon: string; accent: string; lite: string }> = {
  groups: {
    icon: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
    accent: 'border-l-slate-400',
    lite: 'bg-slate-200 dark:bg-slate-700',
  },
  edge: {
    icon: 'bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300',
    accent: 'border-l-sky-500',
    lite: 'bg-sky-100 dark:bg-sky-950',
  },
  compute: {
    icon: 'bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300',
    accent: 'border-l-amber-500',
    lite: 'bg-amber-100 dark:bg-amber-950',
  },
  messaging: {
    icon: 'bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300',
    accent: 'border-l-violet-500',
    lite: 'bg-violet-100 dark:bg-violet-950',
  },
  data: {
    icon: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300',
    accent: 'border-l-emerald-500',
    lite: 'bg-emerald-100 dark:bg-emerald-950',
  },
  operations: {
    icon: 'bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300',
    accent: 'border-l-rose-500',
    lite: 'bg-rose-100 dark:bg-rose-950',
  },
};
