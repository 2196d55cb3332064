import { emptyDocument, findTemplate, insertTemplate, KINDS, TEMPLATES } from '@stackdraft/patterns';
import {
  ClipboardCheck,
  Code,
  Command as CommandIcon,
  Download,
  FilePlus,
  FileUp,
  FolderOpen,
  Keyboard,
  LayoutTemplate,
  Maximize,
  MessageSquare,
  Moon,
  Network,
  PanelBottom,
  Presentation,
  Save,
  Share2,
  ZoomIn,
  ZoomOut,
} from 'lucide-react';
import { canvasApi } from '../canvas/canvas-api';
import { freeSpot, GRID } from '../document/geometry';
import { addNode } from '../document/transforms';
import { chooseTerraformFiles } from '../import/import-terraform';
import { runAutoLayout } from '../layout/auto-layout';
import { chooseFileToOpen, saveToFile } from '../persistence/files';
import { openCommentsOnSelection } from '../review/comments/open-comments';
import { enterPresentation, saveCurrentView } from '../review/presentation';
import { saveSharedNow } from '../share/session';
import type { EditorState } from '../store/editor-store';
import { KIND_ICONS } from '../ui/kind-icons';
import type { Command } from './types';

/**
 * Adds a node of `kindId` in the middle of the visible canvas (next to what is already there),
 * and selects it: what activating `Add <Label>` does (the keyboard stays in the palette, to add more).
 */
export function addKindInView(s: EditorState, kindId: string, label: string): void {
  const centre = canvasApi.viewCentre();
  const at = freeSpot(s.doc, { x: centre.x - 104, y: centre.y - 28 });
  s.commit(`Add ${label}`, addNode(s.doc, kindId, at));
}

/** Inserts a template in view (its own ids made unique) and selects what it added. */
export function insertTemplateInView(s: EditorState, templateId: string): void {
  const t = findTemplate(templateId);
  if (!t) return;
  const centre = canvasApi.viewCentre();
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  const r = insertTemplate(s.doc, templateId, { at: { x: snap(centre.x - 300), y: snap(centre.y - 120) } });
  if (
    s.commit(`Insert ${t.name}`, {
      ok: true,
      doc: r.document,
      select: { nodes: r.insertedNodeIds, edges: [] },
    })
  ) {
    requestAnimationFrame(() => canvasApi.centreOn(r.insertedNodeIds));
  }
}

/** File, view, arrange and panel commands. */
export const APP_COMMANDS: Command[] = [
  {
    id: 'file.new',
    label: 'New design',
    group: 'file',
    icon: FilePlus,
    when: (s) => !s.readOnly,
    run: (s) => {
      s.commit('New design', { ok: true, doc: emptyDocument(), select: { nodes: [], edges: [] } });
    },
  },
  {
    id: 'file.open',
    label: 'Open…',
    group: 'file',
    icon: FolderOpen,
    shortcuts: ['Mod+O'],
    when: (s) => !s.readOnly,
    run: () => chooseFileToOpen(),
  },
  {
    id: 'file.import-terraform',
    label: 'Import Terraform…',
    group: 'file',
    icon: FileUp,
    when: (s) => !s.readOnly,
    run: () => chooseTerraformFiles(),
  },
  {
    id: 'file.save',
    label: 'Save',
    group: 'file',
    icon: Save,
    shortcuts: ['Mod+S'],
    // A shared design open for editing saves to its link; otherwise Save writes a file.
    run: () => {
      if (!saveSharedNow()) void saveToFile('yaml');
    },
  },
  {
    id: 'file.export',
    label: 'Export',
    group: 'file',
    icon: Download,
    shortcuts: ['Mod+E'],
    run: (s) => s.openDialog({ type: 'export' }),
  },
  {
    id: 'file.share',
    label: 'Share',
    group: 'file',
    icon: Share2,
    run: (s) => s.openDialog({ type: 'share' }),
  },
  {
    id: 'view.code',
    label: 'Code',
    group: 'view',
    icon: Code,
    run: (s) => s.setCodeView(s.codeView === 'closed' ? 'side' : 'closed'),
  },
  {
    id: 'view.review',
    label: 'Review',
    group: 'view',
    icon: ClipboardCheck,
    // Review: the full-screen presentation for meetings (saved views, score and cost in view).
    run: () => enterPresentation(),
  },
  {
    id: 'review.comment',
    label: 'Comment',
    group: 'view',
    icon: MessageSquare,
    menus: ['node', 'edge'],
    // Anyone who can view a shared design may comment, so this stays on for view-link visitors.
    when: (s) => s.selection.nodes.length + s.selection.edges.length > 0,
    run: () => openCommentsOnSelection(),
  },
  {
    id: 'view.save-view',
    label: 'Save view for Review',
    group: 'view',
    icon: Presentation,
    shortcuts: ['Mod+Alt+V'],
    run: () => void saveCurrentView(),
  },
  {
    id: 'arrange.auto-layout',
    label: 'Auto layout',
    group: 'arrange',
    icon: Network,
    shortcuts: ['Mod+Shift+L'],
    menus: ['pane'],
    when: (s) => !s.readOnly && s.doc.nodes.length > 0,
    run: async () => {
      if (await runAutoLayout()) requestAnimationFrame(() => canvasApi.fitView());
    },
  },
  {
    id: 'view.fit',
    label: 'Fit view',
    group: 'view',
    icon: Maximize,
    shortcuts: ['Shift+1'],
    scope: 'canvas',
    menus: ['pane'],
    run: () => canvasApi.fitView(),
  },
  {
    id: 'view.zoom-in',
    label: 'Zoom in',
    group: 'view',
    icon: ZoomIn,
    shortcuts: ['Mod+='],
    run: () => canvasApi.zoomIn(),
  },
  {
    id: 'view.zoom-out',
    label: 'Zoom out',
    group: 'view',
    icon: ZoomOut,
    shortcuts: ['Mod+-'],
    run: () => canvasApi.zoomOut(),
  },
  {
    id: 'view.theme',
    label: 'Switch light / dark theme',
    group: 'view',
    icon: Moon,
    run: (s) => s.setTheme(s.theme === 'dark' ? 'light' : 'dark'),
  },
  {
    id: 'view.panels',
    label: 'Show / hide Problems, Cost and Review score',
    group: 'view',
    icon: PanelBottom,
    run: (s) => s.setBottomOpen(!s.bottomOpen),
  },
  {
    id: 'help.commands',
    label: 'Command palette',
    group: 'help',
    icon: CommandIcon,
    shortcuts: ['Mod+K'],
    run: (s) => s.openDialog({ type: 'commands' }),
  },
  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    group: 'help',
    icon: Keyboard,
    shortcuts: ['Shift+?'],
    scope: 'canvas',
    run: (s) => s.openDialog({ type: 'shortcuts' }),
  },
];

/** "Add <Label>" and "Insert <Template>" for the command palette. */
export const DESIGN_COMMANDS: Command[] = [
  ...KINDS.map(
    (k): Command => ({
      id: `design.add.${k.id}`,
      label: `Add ${k.label}`,
      group: 'design',
      icon: KIND_ICONS[k.icon],
      when: (s) => !s.readOnly,
      run: (s) => addKindInView(s, k.id, k.label),
    }),
  ),
  ...TEMPLATES.map(
    (t): Command => ({
      id: `design.insert.${t.id}`,
      label: `Insert ${t.name}`,
      group: 'design',
      icon: LayoutTemplate,
      when: (s) => !s.readOnly,
      run: (s) => insertTemplateInView(s, t.id),
    }),
  ),
];
