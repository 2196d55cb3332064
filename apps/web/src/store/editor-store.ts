import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** The editor's one store: the document (with its history) and, apart from it, the UI state. */
export type EditorState = DocumentSlice & UiSlice;

/** Builds a fresh editor store (the app uses one; tests make their own). */
export function createEditorStore(): StoreApi<EditorState> {
  return createStore<EditorState>()((...a) => ({ ...createDocumentSlice(...a), ...createUiSlice(...a) }));
}

/** The app's store. */
export const editorStore = createEditorStore();

/** Subscribes a component to a slice of the editor state (selectors should be module-level). */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, selector);
}

/** Like `useEditor`, for selectors that build a new object or array: compared shallowly. */
export function useEditorShallow<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, useShallow(selector));
}
