// Draws Mutual's two Teams icons (two interlocking rings: help that flows both ways) and writes
// them as PNGs with node's zlib, so no image tool is needed. Run: `npx tsx scripts/make-icons.ts`.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit RGBA image, row by row, not premultiplied. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

type Rgba = readonly [number, number, number, number];

interface RingsLayout {
  readonly size: number;
  /** Distance between the two ring centres. */
  readonly spread: number;
  readonly radius: number;
  readonly stroke: number;
  /** Space cut into the lower ring where the upper one crosses it, so the rings read as linked. */
  readonly gap: number;
  readonly background: Rgba;
  readonly left: Rgba;
  readonly right: Rgba;
}

export const ACCENT_COLOR = '#1B6B73';

const TRANSPARENT: Rgba = [0, 0, 0, 0];
const WHITE: Rgba = [255, 255, 255, 255];

const COLOR_LAYOUT: RingsLayout = {
  size: 192,
  spread: 38,
  radius: 34,
  stroke: 12,
  gap: 4,
  background: [0x1b, 0x6b, 0x73, 255],
  left: WHITE,
  right: [0xf4, 0xb9, 0x42, 255],
};

// Teams wants the outline icon white on transparent; the ring gap becomes transparent too.
const OUTLINE_LAYOUT: RingsLayout = {
  size: 32,
  spread: 10,
  radius: 8.75,
  stroke: 2.75,
  gap: 1.25,
  background: TRANSPARENT,
  left: WHITE,
  right: WHITE,
};

// Samples per pixel along each axis: enough for smooth edges at 32 px.
const SUPERSAMPLE = 8;

function ringsColorAt(layout: RingsLayout, x: number, y: number): Rgba {
  const centre = layout.size / 2;
  const leftDistance = Math.abs(
    Math.hypot(x - (centre - layout.spread / 2), y - centre) - layout.radius,
  );
  const rightDistance = Math.abs(
    Math.hypot(x - (centre + layout.spread / 2), y - centre) - layout.radius,
  );
  const half = layout.stroke / 2;
  const inLeft = leftDistance <= half;
  const inRight = rightDistance <= half;
  // Left ring passes over at the upper crossing, the right ring at the lower one.
  const leftOnTop = y < centre;
  if (leftOnTop) {
    if (inLeft) return layout.left;
    if (inRight && leftDistance > half + layout.gap) return layout.right;
  } else {
    if (inRight) return layout.right;
    if (inLeft && rightDistance > half + layout.gap) return layout.left;
  }
  return layout.background;
}

function renderRings(layout: RingsLayout): RgbaImage {
  const { size } = layout;
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average in premultiplied space so transparent samples do not darken edges.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [cr, cg, cb, ca] = ringsColorAt(
            layout,
            px + (sx + 0.5) / SUPERSAMPLE,
            py + (sy + 0.5) / SUPERSAMPLE,
          );
          const weight = ca / 255;
          r += cr * weight;
          g += cg * weight;
          b += cb * weight;
          a += weight;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** The 192x192 full-colour icon. */
export function renderColorIcon(): RgbaImage {
  return renderRings(COLOR_LAYOUT);
}

/** The 32x32 white-on-transparent outline icon. */
export function renderOutlineIcon(): RgbaImage {
  return renderRings(OUTLINE_LAYOUT);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(header.subarray(4))), 0);
  return Buffer.concat([header, data, crc]);
}

/** Encodes an RGBA image as a non-interlaced 8-bit truecolour-with-alpha PNG. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  const rowLength = width * 4;
  const raw = Buffer.alloc((rowLength + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none) on every row: the images are tiny, simplicity wins.
    raw[y * (rowLength + 1)] = 0;
    raw.set(pixels.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

async function main(): Promise<void> {
  const appPackageDir = path.resolve(import.meta.dirname, '..', 'appPackage');
  const color = path.join(appPackageDir, 'color.png');
  const outline = path.join(appPackageDir, 'outline.png');
  await writeFile(color, encodePng(renderColorIcon()));
  await writeFile(outline, encodePng(renderOutlineIcon()));
  console.log(
    `Wrote ${path.relative(process.cwd(), color)} and ${path.relative(process.cwd(), outline)}`,
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
