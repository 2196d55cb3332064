/** Test helpers for other workspaces: generated documents and hostile user text. */
export { arbitraryDocument, userText } from './arbitraries';
export { generateLargeDocument } from './large-document';
