/**
 * Keyboard shortcuts written as `Mod+Shift+Z`: `Mod` is Cmd on a Mac and Ctrl elsewhere. One
 * notation for matching key events and for showing the shortcut next to a command.
 */

export const IS_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface Parsed {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const cache = new Map<string, Parsed>();

function parse(shortcut: string): Parsed {
  const known = cache.get(shortcut);
  if (known) return known;
  const parts = shortcut.split('+');
  // "Mod++" would be Mod and "+": the key is whatever follows the last separator.
  const key = (shortcut.endsWith('++') ? '+' : (parts[parts.length - 1] ?? '')).toLowerCase();
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  const p = { key, mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt') };
  cache.set(shortcut, p);
  return p;
}

/** Does the key event match the shortcut (modifiers exactly, the key case-insensitively)? */
export function matches(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  shortcut: string,
): boolean {
  const p = parse(shortcut);
  const mod = IS_MAC ? e.metaKey : e.ctrlKey;
  const other = IS_MAC ? e.ctrlKey : e.metaKey;
  if (mod !== p.mod || other || e.altKey !== p.alt) return false;
  const key = e.key.toLowerCase();
  // Shift changes the key of symbols ("+" is Shift+"=" on many layouts): ignore Shift for them.
  if (p.key.length === 1 && !/[a-z0-9]/.test(p.key)) return key === p.key;
  return key === p.key && e.shiftKey === p.shift;
}

const MAC_SYMBOLS: Record<string, string> = { mod: '⌘', shift: '⇧', alt: '⌥' };
const KEY_NAMES: Record<string, string> = {
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  delete: 'Del',
  backspace: '⌫',
  escape: 'Esc',
  enter: 'Enter',
};

/** How a shortcut is shown: `⌘⇧Z` on a Mac, `Ctrl+Shift+Z` elsewhere. */
export function displayShortcut(shortcut: string): string {
  const p = parse(shortcut);
  const key = KEY_NAMES[p.key] ?? (p.key.length === 1 ? p.key.toUpperCase() : p.key);
  const mods = (['mod', 'shift', 'alt'] as const).filter((m) => p[m]);
  if (IS_MAC) return mods.map((m) => MAC_SYMBOLS[m]).join('') + key;
  return [...mods.map((m) => (m === 'mod' ? 'Ctrl' : m === 'shift' ? 'Shift' : 'Alt')), key].join('+');
}

/** The `aria-keyshortcuts` value of a shortcut (`Control+Shift+Z`). */
export function ariaShortcut(shortcut: string): string {
  const p = parse(shortcut);
  const mods = [p.mod ? (IS_MAC ? 'Meta' : 'Control') : '', p.shift ? 'Shift' : '', p.alt ? 'Alt' : ''];
  const key = p.key.length === 1 ? p.key.toUpperCase() : p.key.charAt(0).toUpperCase() + p.key.slice(1);
  return [...mods.filter(Boolean), key].join('+');
}
