import { editorStore } from '../store/editor-store';
import { APP_COMMANDS, DESIGN_COMMANDS } from './app-commands';
import { EDIT_COMMANDS } from './edit-commands';
import type { Command } from './types';

/** Every command, by id. The toolbar, menus, shortcuts and the command palette all look here. */
export const COMMANDS: readonly Command[] = [...EDIT_COMMANDS, ...APP_COMMANDS, ...DESIGN_COMMANDS];

const byId = new Map(COMMANDS.map((c) => [c.id, c]));

export function getCommand(id: string): Command {
  const c = byId.get(id);
  if (!c) throw new Error(`Unknown command "${id}"`);
  return c;
}

/** Whether the command applies to the current state. */
export function isEnabled(c: Command, s = editorStore.getState()): boolean {
  return c.when ? c.when(s) : true;
}

/** Runs a command when it applies; returns whether it ran. */
export function runCommand(id: string): boolean {
  const c = getCommand(id);
  const s = editorStore.getState();
  if (!isEnabled(c, s)) return false;
  void c.run(s);
  return true;
}
