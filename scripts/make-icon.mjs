// Renders the Marketplace icon, media/icon.png (256×256), from the SVG below with Debian's chromium
// (playwright-core). The drawing is media/canvas-file.svg's nine-block canvas, redrawn at a size
// where strokes stay crisp, on a rounded tile so it reads on light and dark backgrounds.
// Usage: node scripts/make-icon.mjs   (commit the PNG it writes; the build does not run this)
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const OUT = fileURLToPath(new URL('../media/icon.png', import.meta.url));

// A Business Model Canvas: five columns above, two wide blocks below; three sticky notes.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="36" fill="#1f3b5c"/>
  <g fill="none" stroke="#ffffff" stroke-width="8" stroke-linejoin="round" stroke-linecap="round">
    <rect x="36" y="52" width="184" height="152" rx="10"/>
    <path d="M72.8 52v108M109.6 52v108M146.4 52v108M183.2 52v108M36 160h184M128 160v44M72.8 106h36.8M146.4 106h36.8"/>
  </g>
  <rect x="154" y="62" width="22" height="22" rx="3" fill="#e8a33d"/>
  <rect x="80" y="116" width="22" height="22" rx="3" fill="#5fb36b"/>
  <rect x="44" y="170" width="22" height="22" rx="3" fill="#4f8fd6"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(OUT, png);
  console.log(`wrote ${OUT} (${png.length} bytes, ${SIZE}x${SIZE})`);
} finally {
  await browser.close();
}
