import { pngSize } from './files';

/**
 * Renders an SVG (our SVG exporter's output, drawn from the document model) into a PNG: the SVG
 * is loaded as an image and drawn onto a canvas at the device pixel ratio. The page's DOM is never
 * serialized (that takes seconds and tens of MB for large designs).
 */
export async function svgToPng(svg: string, devicePixelRatio = window.devicePixelRatio): Promise<Blob> {
  const { width, height, scale } = pngSize(svg, devicePixelRatio);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode().catch(() => {
      throw new Error('the browser could not draw the SVG of this design');
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser has no 2D canvas to draw the PNG on');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the PNG is too large for this browser to encode'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
