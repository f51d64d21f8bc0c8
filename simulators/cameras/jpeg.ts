// A tiny baseline JPEG encoder (ITU-T T.81): 8-bit greyscale, standard Huffman tables, a comment segment; no native code.

// ITU-T T.81 Annex K.1, table K.1: luminance quantisation, natural order.
const baseQuant = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
// T.81 Annex K.3, tables K.3 and K.5: luminance DC and AC code lengths and values.
const dcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const dcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const acBits = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const acValues = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
  0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
  0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
  0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];

/** Zigzag position -> natural index (T.81 figure 5), computed rather than typed. */
const zigzag: number[] = (() => {
  const order: number[] = [];
  for (let s = 0; s < 15; s++) {
    const cells: number[] = [];
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (x + y === s) cells.push(y * 8 + x);
    // Even diagonals run bottom-left to top-right (y decreasing), odd ones the other way.
    order.push(...(s % 2 === 0 ? cells.reverse() : cells));
  }
  return order;
})();

type Codes = Map<number, { code: number; length: number }>;

/** T.81 Annex C: canonical Huffman codes from the count of codes of each length. */
function huffmanCodes(bits: number[], values: number[]): Codes {
  const codes: Codes = new Map();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (bits[length - 1] ?? 0); i++) codes.set(values[k++] ?? 0, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

const dcCodes = huffmanCodes(dcBits, dcValues);
const acCodes = huffmanCodes(acBits, acValues);
const cosTable = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16));

class BitWriter {
  readonly bytes: number[] = [];
  #buffer = 0;
  #count = 0;

  write(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.#buffer = (this.#buffer << 1) | ((code >> i) & 1);
      if (++this.#count === 8) this.#flushByte();
    }
  }

  // T.81 F.1.2.3: pad the last byte with 1 bits.
  finish(): void {
    while (this.#count !== 0) this.write(1, 1);
  }

  #flushByte(): void {
    this.bytes.push(this.#buffer);
    if (this.#buffer === 0xff) this.bytes.push(0x00); // T.81 B.1.1.5: byte stuffing
    this.#buffer = 0;
    this.#count = 0;
  }
}

function segment(marker: number, body: number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

function quantTable(quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return baseQuant.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

/** Forward DCT of one 8x8 block (T.81 A.3.3), quantised, in zigzag order. */
function encodeBlock(pixels: Float64Array, quant: number[]): Int32Array {
  const out = new Int32Array(64);
  for (let k = 0; k < 64; k++) {
    const index = zigzag[k] ?? 0;
    const v = index >> 3;
    const u = index & 7;
    let sum = 0;
    for (let y = 0; y < 8; y++) {
      const cy = cosTable[y * 8 + v] ?? 0;
      for (let x = 0; x < 8; x++) sum += (pixels[y * 8 + x] ?? 0) * (cosTable[x * 8 + u] ?? 0) * cy;
    }
    const cu = u === 0 ? Math.SQRT1_2 : 1;
    const cv = v === 0 ? Math.SQRT1_2 : 1;
    out[k] = Math.round((0.25 * cu * cv * sum) / (quant[index] ?? 1));
  }
  return out;
}

function category(value: number): number {
  let abs = Math.abs(value);
  let size = 0;
  while (abs > 0) {
    size++;
    abs >>= 1;
  }
  return size;
}

function writeValue(bits: BitWriter, codes: Codes, symbol: number, value: number, size: number): void {
  const code = codes.get(symbol);
  if (code === undefined) throw new Error(`JPEG encoder: no Huffman code for symbol ${symbol}`);
  bits.write(code.code, code.length);
  // T.81 F.1.2.1.1: negative values are sent as their one's complement in `size` bits.
  if (size > 0) bits.write(value < 0 ? value + (1 << size) - 1 : value, size);
}

function writeBlock(bits: BitWriter, block: Int32Array, previousDc: number): number {
  const dc = block[0] ?? 0;
  const diff = dc - previousDc;
  const dcSize = category(diff);
  writeValue(bits, dcCodes, dcSize, diff, dcSize);
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const value = block[k] ?? 0;
    if (value === 0) {
      run++;
      continue;
    }
    for (; run > 15; run -= 16) writeValue(bits, acCodes, 0xf0, 0, 0); // ZRL
    const size = category(value);
    writeValue(bits, acCodes, (run << 4) | size, value, size);
    run = 0;
  }
  if (run > 0) writeValue(bits, acCodes, 0x00, 0, 0); // EOB
  return dc;
}

export interface GreyImage {
  width: number;
  height: number;
  // One byte per pixel, row by row.
  pixels: Uint8Array;
}

/** Encodes a greyscale image as a baseline JFIF file carrying `comment` in a COM segment. */
export function encodeJpeg(image: GreyImage, comment: string, quality = 75): Buffer {
  const { width, height, pixels } = image;
  const quant = quantTable(quality);
  const bits = new BitWriter();
  const block = new Float64Array(64);
  let dc = 0;
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          // Edge blocks repeat the last row and column (T.81 A.2.4).
          const px = Math.min(bx + x, width - 1);
          const py = Math.min(by + y, height - 1);
          block[y * 8 + x] = (pixels[py * width + px] ?? 0) - 128;
        }
      }
      dc = writeBlock(bits, encodeBlock(block, quant), dc);
    }
  }
  bits.finish();
  const text = [...Buffer.from(comment, 'utf8').subarray(0, 60_000)];
  return Buffer.from([
    0xff, 0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 JFIF 1.01
    ...segment(0xfe, text), // COM
    ...segment(0xdb, [0x00, ...zigzag.map((i) => quant[i] ?? 1)]), // DQT, table 0, zigzag order
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]), // SOF0, one component
    ...segment(0xc4, [0x00, ...dcBits, ...dcValues]), // DHT DC 0
    ...segment(0xc4, [0x10, ...acBits, ...acValues]), // DHT AC 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    ...bits.bytes,
    0xff, 0xd9, // EOI
  ]);
}

/** The text of a JPEG's first COM segment, or undefined; throws when the bytes are not a JPEG. */
export function jpegComment(jpeg: Uint8Array): string | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG: it does not start with SOI (FF D8)');
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1] ?? 0;
    const length = ((jpeg[offset + 2] ?? 0) << 8) | (jpeg[offset + 3] ?? 0);
    if (marker === 0xfe) return Buffer.from(jpeg.subarray(offset + 4, offset + 2 + length)).toString('utf8');
    if (marker === 0xda) return undefined;
    offset += 2 + length;
  }
  return undefined;
}
