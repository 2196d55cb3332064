/**
 * The Monaco theme for the app's theme: Monaco's own, with comments and line numbers lifted to
 * WCAG AA contrast (defined in `./monaco` when Monaco loads). Kept apart so that choosing a
 * theme name never loads Monaco.
 */
export function monacoTheme(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? 'stackdraft-dark' : 'stackdraft-light';
}
