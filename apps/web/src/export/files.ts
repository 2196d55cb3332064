import { strToU8, zipSync } from 'fflate';

/** The Monaco language that highlights a generated file, by its name. */
export function languageFor(path: string): string {
  const name = path.toLowerCase();
  if (/\.(tf|hcl|tfvars)$/.test(name)) return 'hcl';
  if (/\.tsx?$/.test(name)) return 'typescript';
  if (/\.(ya?ml)$/.test(name)) return 'yaml';
  // No JSON worker is bundled: the JavaScript tokenizer highlights JSON well.
  if (/\.(json|asl)$/.test(name)) return 'javascript';
  if (/\.(xml|svg|drawio)$/.test(name)) return 'xml';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  return 'plaintext';
}

/** The generated files as one zip archive (paths kept, so folders like `lib/` stay folders). */
export function zipFiles(files: readonly { path: string; content: string }[]): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const f of files) tree[f.path] = strToU8(f.content);
  return zipSync(tree, { level: 6 });
}

/** Largest canvas side browsers reliably draw (Chrome's limit is 32,767; Safari's area is smaller). */
export const MAX_CANVAS_SIDE = 8192;

/**
 * The pixel size of an SVG from its root element's `width`/`height` (or its `viewBox`), and the
 * scale to draw it at: the device pixel ratio, reduced so neither side exceeds `MAX_CANVAS_SIDE`.
 */
export function pngSize(
  svg: string,
  devicePixelRatio: number,
): { width: number; height: number; scale: number } {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attr = (name: string) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)`, 'i').exec(root);
    return m?.[1] ? Number(m[1]) : undefined;
  };
  const box = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root);
  const width = attr('width') ?? (box?.[1] ? Number(box[1]) : 800);
  const height = attr('height') ?? (box?.[2] ? Number(box[2]) : 600);
  const wanted = Math.max(1, devicePixelRatio || 1);
  const scale = Math.min(wanted, MAX_CANVAS_SIDE / Math.max(width, height, 1));
  return { width, height, scale };
}
