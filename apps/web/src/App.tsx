import { useEffect } from 'react';
import { Canvas } from './canvas/Canvas';
import { installClipboard } from './canvas/clipboard';
import { CodeSplit } from './code/CodeSplit';
import { handleKeyDown } from './commands/keyboard';
import { Dialogs } from './dialogs/Dialogs';
import { Inspector } from './inspector/Inspector';
import { BottomPanels } from './panels/BottomPanels';
import { Palette } from './panels/Palette';
import { ReviewHeader, ReviewSidebar } from './review/ReviewMode';
import { ShareBanner } from './share/ShareBanner';
import { type EditorState, useEditor } from './store/editor-store';
import { Toolbar } from './toolbar/Toolbar';
import { ConflictBanner } from './ui/ConflictBanner';
import { Notices } from './ui/Notices';

const selectTheme = (s: EditorState) => s.theme;
const selectPresenting = (s: EditorState) => s.presenting;

/** Applies the theme to the page and remembers it. */
function useTheme() {
  const theme = useEditor(selectTheme);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
    document.documentElement.style.colorScheme = theme;
    try {
      localStorage.setItem('stackdraft:theme', theme);
    } catch {
      // A theme that is not remembered is no loss.
    }
  }, [theme]);
}

/**
 * The editor: toolbar on top, palette on the left, the canvas with Problems, Cost and Review
 * score below it, the inspector on the right.
 */
export function App() {
  useTheme();
  const presenting = useEditor(selectPresenting);
  useEffect(() => {
    document.addEventListener('keydown', handleKeyDown);
    const uninstall = installClipboard();
    return () => {
      document.removeEventListener('keydown', handleKeyDown);
      uninstall();
    };
  }, []);
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      {presenting ? <ReviewHeader /> : <Toolbar />}
      <ConflictBanner />
      <ShareBanner />
      {/* The canvas keeps its place in the tree in Review, so its viewport survives the switch. */}
      <div
        className={`grid min-h-0 flex-1 grid-rows-[minmax(0,1fr)] ${
          presenting
            ? 'sd-presenting grid-cols-[minmax(0,1fr)_300px]'
            : 'grid-cols-[240px_minmax(0,1fr)_320px]'
        }`}
      >
        {presenting ? null : <Palette />}
        <main aria-label="Canvas" className="flex min-h-0 min-w-0 flex-col">
          <CodeSplit>
            <Canvas />
          </CodeSplit>
          {presenting ? null : <BottomPanels />}
        </main>
        {presenting ? <ReviewSidebar /> : <Inspector />}
      </div>
      <Dialogs />
      <Notices />
    </div>
  );
}
