// Draws the application icon, build/icon.png (512×512): a receipt with a QR corner on the bureau's blue,
// the two things a citizen takes home from the counter. electron-builder derives the Windows .ico and the
// Linux icon sizes from this one file. The PNG is committed; rerun this only to change the design.
// Shapes are sampled 4×4 per pixel so the edges are smooth without a drawing library.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 512;
const SAMPLES = 4;
const out = fileURLToPath(new URL('../build/icon.png', import.meta.url));

const blue = [31, 78, 140];
const blueLight = [52, 110, 186];
const white = [255, 255, 255];
const ink = [31, 78, 140];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// The receipt: a tall card whose bottom edge is torn in a zigzag, as a printed counter slip is.
function inReceipt(x, y) {
  const left = 148;
  const right = 364;
  const top = 96;
  const tooth = 24;
  const bottom = 400 + Math.abs(((x - left) % (2 * tooth)) - tooth);
  return x >= left && x <= right && y >= top && y <= bottom;
}

function inInk(x, y) {
  // Three printed lines.
  for (const [top, width] of [[150, 150], [190, 120], [230, 150]]) {
    if (inRoundedRect(x, y, 180, top, 180 + width, top + 16, 8)) return true;
  }
  // A QR-like block: three finder squares and a few modules.
  const qrLeft = 256;
  const qrTop = 280;
  const cell = 12;
  const pattern = ['1110101', '1010011', '1110100', '0001011', '1101110', '0110101', '1011111'];
  const col = Math.floor((x - qrLeft) / cell);
  const row = Math.floor((y - qrTop) / cell);
  return row >= 0 && row < 7 && col >= 0 && col < 7 && pattern[row][col] === '1';
}

function colourAt(x, y) {
  if (!inRoundedRect(x, y, 16, 16, SIZE - 16, SIZE - 16, 96)) return null;
  if (inReceipt(x, y)) return inInk(x, y) ? ink : white;
  const t = y / SIZE;
  return blue.map((c, i) => Math.round(c + (blueLight[i] - c) * (1 - t)));
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py += 1) {
  for (let px = 0; px < SIZE; px += 1) {
    let r = 0;
    let g = 0;
    let b = 0;
    let covered = 0;
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (colour === null) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        covered += 1;
      }
    }
    const offset = (py * SIZE + px) * 4;
    png.data[offset] = covered === 0 ? 0 : Math.round(r / covered);
    png.data[offset + 1] = covered === 0 ? 0 : Math.round(g / covered);
    png.data[offset + 2] = covered === 0 ? 0 : Math.round(b / covered);
    png.data[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
  }
}

writeFileSync(out, PNG.sync.write(png));
console.log(`Wrote ${out}`);
