/** The frame and title colours of each group kind (full class names, so Tailwind finds them). */
type GroupLook = { frame: string; title: string };

export const GROUP_STYLE: Record<string, GroupLook> & { default: GroupLook } = {
  region: {
    frame: 'border-dashed border-indigo-300 bg-indigo-50/40 dark:border-indigo-700 dark:bg-indigo-950/20',
    title: 'text-indigo-700 dark:text-indigo-300',
  },
  'availability-zone': {
    frame: 'border-dotted border-slate-400 bg-slate-50/40 dark:border-slate-500 dark:bg-slate-900/30',
    title: 'text-slate-600 dark:text-slate-300',
  },
  vpc: {
    frame: 'border-emerald-300 bg-emerald-50/40 dark:border-emerald-800 dark:bg-emerald-950/20',
    title: 'text-emerald-700 dark:text-emerald-300',
  },
  subnet: {
    frame: 'border-dashed border-sky-300 bg-sky-50/50 dark:border-sky-800 dark:bg-sky-950/20',
    title: 'text-sky-700 dark:text-sky-300',
  },
  'kubernetes-cluster': {
    frame: 'border-blue-300 bg-blue-50/40 dark:border-blue-800 dark:bg-blue-950/20',
    title: 'text-blue-700 dark:text-blue-300',
  },
  default: {
    frame: 'border-dashed border-slate-300 bg-slate-50/50 dark:border-slate-600 dark:bg-slate-900/30',
    title: 'text-slate-600 dark:text-slate-300',
  },
};
