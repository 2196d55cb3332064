import { lazy, Suspense, useEffect } from 'react';
import { Canvas } from './canvas/Canvas';
import { installClipboard } from './canvas/clipboard';
import { CodeSplit } from './code/CodeSplit';
import { handleKeyDown } from './commands/keyboard';
import { Dialogs } from './dialogs/Dialogs';
import { Inspector } from './inspector/Inspector';
import { BottomPanels } from './panels/BottomPanels';
import { Palette } from './panels/Palette';
import { CommentBadgesSync } from './review/comments/CommentBadgesSync';
import { ShareBanner } from './share/ShareBanner';
import { type EditorState, useEditor } from './store/editor-store';
import { Toolbar } from './toolbar/Toolbar';
import { ConflictBanner } from './ui/ConflictBanner';
import { Notices } from './ui/Notices';

// Review (presentation, walkthrough, what-if, comments, history) loads when it is first opened.
const ReviewHeader = lazy(() => import('./review/ReviewMode').then((m) => ({ default: m.ReviewHeader })));
const ReviewSidebar = lazy(() => import('./review/ReviewMode').then((m) => ({ default: m.ReviewSidebar })));

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
      {presenting ? (
        <Suspense
          fallback={<div className="h-14 shrink-0 border-b border-slate-200 dark:border-slate-800" />}
        >
          <ReviewHeader />
        </Suspense>
      ) : (
        <Toolbar />
      )}
      <ConflictBanner />
      <ShareBanner />
      <CommentBadgesSync />
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
        {presenting ? (
          <Suspense fallback={<aside aria-label="Review panel" aria-busy="true" />}>
            <ReviewSidebar />
          </Suspense>
        ) : (
          <Inspector />
        )}
      </div>
      <Dialogs />
      <Notices />
    </div>
  );
}
