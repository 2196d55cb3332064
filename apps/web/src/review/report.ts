import {
  type ArchitectureDocument,
  diffMarkdown,
  mdText,
  reviewDiff,
  reviewReport,
  slugify,
} from '@stackdraft/patterns';
import { download } from '../persistence/files';
import type { ReviewComment } from '../share/api';
import { shareApi } from '../share/query';
import { shareStore } from '../share/share-store';
import { editorStore } from '../store/editor-store';
import { editTokenOf } from './comments/comment-queries';
import { fetchVersionDocument } from './history/history-queries';

/** The file name of a design's review: `orders-platform.review.md` (named like its design file). */
export function reviewFileName(name: string): string {
  return `${slugify(name, 'design')}.review.md`;
}

/** What a shared design adds to its review: the comments, and the last change between versions. */
export interface ReviewExtras {
  comments?: readonly ReviewComment[];
  change?: { before: ArchitectureDocument; beforeVersion: number; afterVersion: number };
}

/**
 * The review as Markdown: `reviewReport` (score, findings, cost, accepted findings), then the
 * comment threads (open first, each with what it is pinned to and its replies) and the last version change with its cost
 * and findings delta. Every piece of user text is escaped.
 */
export function reviewMarkdown(doc: ArchitectureDocument, extras: ReviewExtras = {}): string {
  const parts = [reviewReport(doc).trimEnd()];
  const { comments, change } = extras;
  if (comments && comments.length > 0) {
    const names = new Map(doc.nodes.map((n) => [n.id, n.label || n.id]));
    const threads = comments.filter((c) => c.replyTo === undefined);
    const open = threads.filter((c) => !c.resolved);
    const lines = [`## Comments (${open.length} open, ${threads.length - open.length} resolved)`, ''];
    for (const c of [...open, ...threads.filter((x) => x.resolved)]) {
      const on = c.nodeId
        ? (names.get(c.nodeId) ?? c.nodeId)
        : c.edgeId
          ? `connection ${c.edgeId}`
          : 'the design';
      lines.push(
        `- ${c.resolved ? '~~resolved~~ ' : ''}**${mdText(c.author)}** on ${mdText(on)} (v${c.version}): ${mdText(c.text)}`,
      );
      for (const r of comments.filter((x) => x.replyTo === c.id))
        lines.push(`  - **${mdText(r.author)}** replied: ${mdText(r.text)}`);
    }
    parts.push(lines.join('\n'));
  }
  if (change) {
    const md = diffMarkdown(reviewDiff(change.before, doc), change.before, doc, {
      files: { before: `version ${change.beforeVersion}`, after: `version ${change.afterVersion}` },
    });
    parts.push(md.trimEnd());
  }
  return `${parts.join('\n\n')}\n`;
}

/** Comments and the last change of the shared design in this tab; whatever cannot be fetched is left out. */
async function sharedExtras(): Promise<{ extras: ReviewExtras; missing: string[] }> {
  const { id, version } = shareStore.getState();
  if (!id) return { extras: {}, missing: [] };
  const token = editTokenOf(id);
  const missing: string[] = [];
  const extras: ReviewExtras = {};
  try {
    extras.comments = await shareApi.listComments(id, token);
  } catch {
    missing.push('comments');
  }
  try {
    const versions = await shareApi.listVersions(id, token);
    const newest = versions[0]?.version ?? version;
    const previous = versions[1]?.version;
    if (newest !== undefined && previous !== undefined) {
      extras.change = {
        before: await fetchVersionDocument(id, previous),
        beforeVersion: previous,
        afterVersion: newest,
      };
    }
  } catch {
    missing.push('version history');
  }
  return { extras, missing };
}

/**
 * Downloads the review of the current design as Markdown. For a shared design it includes the
 * comments and the last version change; if the server cannot be reached, the review still
 * downloads and says what it left out.
 */
export async function downloadReviewMarkdown(): Promise<void> {
  const s = editorStore.getState();
  const { extras, missing } = await sharedExtras();
  const { doc } = editorStore.getState();
  download(reviewFileName(doc.name), reviewMarkdown(doc, extras), 'text/markdown;charset=utf-8');
  if (missing.length > 0)
    s.notify(
      'error',
      `The review was downloaded without its ${missing.join(' and ')}: the server did not answer.`,
    );
}

/** Prints the review page (the browser offers Save as PDF). */
export function printReview(): void {
  window.print();
}
