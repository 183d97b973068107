/**
 * PNG export: the host renders the SVG (the core renderer) and the page turns it into pixels, the
 * one route that works in Node and web-worker hosts alike. An SVG drawn through an <img> runs no
 * script and loads nothing, whatever it contains.
 */
export async function rasterize(svg: string, scale: number): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const { width, height } = intrinsicSize(svg, image);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The SVG's own size: its width/height attributes, else its viewBox, else what the image reports.
 * Read from the root tag's text: parsing the whole document here would apply its <style> under the
 * page's CSP (a console error for every export) just to read two numbers.
 */
function intrinsicSize(svg: string, image: HTMLImageElement): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined) ?? '';
  const number = (name: string) => {
    const value = parseFloat(attribute(name));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const box = attribute('viewBox').split(/[\s,]+/).map(Number);
  const width = number('width') ?? (box[2] > 0 ? box[2] : undefined) ?? (image.naturalWidth || 1200);
  const height = number('height') ?? (box[3] > 0 ? box[3] : undefined) ?? (image.naturalHeight || 800);
  return { width, height };
}
