// Draws the web app manifest's PNG icons from the shapes of public/favicon.svg, with no image
// library: a tiny supersampling rasteriser and a PNG writer over node:zlib. The output is the same
// bytes on every run, so the committed icons can be checked by running it again.
//   npx tsx scripts/make-icons.ts   → public/pwa-192.png, public/pwa-512.png, public/pwa-maskable-512.png
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

// public/favicon.svg, in its 32×32 viewBox.
const TILE: Rgb = [0x2f, 0x5d, 0x50];
const STROKE: Rgb = [0xf4, 0xef, 0xe1];
const DOT: Rgb = [0xf2, 0xb5, 0x44];
const STROKE_WIDTH = 3;
const CORNER = 7;
// "M9 22c4 0 5-12 9-12s3 6 5 6" as absolute cubic segments; `s` mirrors the previous control point.
const CURVES: readonly (readonly [Point, Point, Point, Point])[] = [
  [[9, 22], [13, 22], [14, 10], [18, 10]],
  [[18, 10], [22, 10], [21, 16], [23, 16]],
];
const DOT_CENTRE: Point = [23, 16];
const DOT_RADIUS = 2.6;
const SAMPLES = 4;

const polyline = CURVES.flatMap((curve) => Array.from({ length: 33 }, (_, step) => cubicAt(curve, step / 32)));
const HALF_WIDTH = STROKE_WIDTH / 2;
const STROKE_BOX = {
  left: Math.min(...polyline.map(([x]) => x)) - HALF_WIDTH,
  right: Math.max(...polyline.map(([x]) => x)) + HALF_WIDTH,
  top: Math.min(...polyline.map(([, y]) => y)) - HALF_WIDTH,
  bottom: Math.max(...polyline.map(([, y]) => y)) + HALF_WIDTH,
};

interface Icon {
  file: string;
  size: number;
  /** A maskable icon fills its square and keeps the mark inside the central safe zone. */
  maskable: boolean;
}

const ICONS: Icon[] = [
  { file: 'public/pwa-192.png', size: 192, maskable: false },
  { file: 'public/pwa-512.png', size: 512, maskable: false },
  { file: 'public/pwa-maskable-512.png', size: 512, maskable: true },
];

for (const icon of ICONS) {
  writeFileSync(icon.file, png(icon.size, render(icon)));
  console.log(`wrote ${icon.file}`);
}

/** RGBA pixels, not premultiplied. */
function render({ size, maskable }: Icon): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  // The maskable icon draws the mark at 80 % around the centre; the tile becomes the whole square.
  const scale = maskable ? 0.8 : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = ((x + (sx + 0.5) / SAMPLES) / size) * 32;
          const v = ((y + (sy + 0.5) / SAMPLES) / size) * 32;
          const colour = colourAt(u, v, (u - 16) / scale + 16, (v - 16) / scale + 16, maskable);
          if (!colour) continue;
          sum[0]! += colour[0];
          sum[1]! += colour[1];
          sum[2]! += colour[2];
          sum[3]! += 1;
        }
      }
      const covered = sum[3]!;
      const at = (y * size + x) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(sum[0]! / covered);
      pixels[at + 1] = Math.round(sum[1]! / covered);
      pixels[at + 2] = Math.round(sum[2]! / covered);
      pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

/** The topmost colour at tile point (u, v), whose mark coordinates are (mu, mv); undefined outside the tile. */
function colourAt(u: number, v: number, mu: number, mv: number, fullBleed: boolean): Rgb | undefined {
  if (!fullBleed && !insideRoundedSquare(u, v)) return undefined;
  if (square(mu - DOT_CENTRE[0]) + square(mv - DOT_CENTRE[1]) <= DOT_RADIUS * DOT_RADIUS) return DOT;
  if (onStroke(mu, mv)) return STROKE;
  return TILE;
}

function insideRoundedSquare(u: number, v: number): boolean {
  const cx = Math.min(Math.max(u, CORNER), 32 - CORNER);
  const cy = Math.min(Math.max(v, CORNER), 32 - CORNER);
  return u >= 0 && u <= 32 && v >= 0 && v <= 32 && square(u - cx) + square(v - cy) <= CORNER * CORNER;
}

function square(value: number): number {
  return value * value;
}

function cubicAt([p0, p1, p2, p3]: readonly [Point, Point, Point, Point], t: number): Point {
  const s = 1 - t;
  const a = s * s * s;
  const b = 3 * s * s * t;
  const c = 3 * s * t * t;
  const d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

// Within half the stroke width of the flattened path; the round line caps come free, as the
// distance to a segment's end point.
function onStroke(x: number, y: number): boolean {
  if (x < STROKE_BOX.left || x > STROKE_BOX.right || y < STROKE_BOX.top || y > STROKE_BOX.bottom) return false;
  for (let i = 1; i < polyline.length; i++) {
    const [ax, ay] = polyline[i - 1]!;
    const [bx, by] = polyline[i]!;
    if (x < Math.min(ax, bx) - HALF_WIDTH || x > Math.max(ax, bx) + HALF_WIDTH) continue;
    if (y < Math.min(ay, by) - HALF_WIDTH || y > Math.max(ay, by) + HALF_WIDTH) continue;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / length2));
    if (square(x - (ax + t * dx)) + square(y - (ay + t * dy)) <= HALF_WIDTH * HALF_WIDTH) return true;
  }
  return false;
}

/** An 8-bit RGBA PNG (colour type 6), every row with filter 0. */
function png(size: number, rgba: Uint8Array): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
