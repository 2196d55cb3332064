import type { Autosave } from './autosave';

let current: Autosave | undefined;

/** The app's autosave (set once at start-up; absent in component tests). */
export function getAutosave(): Autosave | undefined {
  return current;
}

export function setAutosave(a: Autosave | undefined): void {
  current = a;
}
