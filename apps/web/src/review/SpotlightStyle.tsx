import { useMemo } from 'react';
import { type EditorState, useEditor } from '../store/editor-store';
import { spotlightCss } from './spotlight';

const selectSpotlight = (s: EditorState) => s.spotlight;

/** Draws the current spotlight (see spotlight.ts) as a style sheet; nothing when there is none. */
export function SpotlightStyle() {
  const spot = useEditor(selectSpotlight);
  const css = useMemo(() => (spot ? spotlightCss(spot) : ''), [spot]);
  return css ? <style data-testid="spotlight">{css}</style> : null;
}
