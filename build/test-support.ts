import { inflateRawSync } from 'node:zlib';

/** Attributes of every `<tag …>` in `xml`: enough XML for checking a manifest, no parser dependency. */
export function xmlElements(xml: string, tag: string): Record<string, string>[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  const pattern = new RegExp(`<${tag.replace(':', '\\:')}(\\s[^>]*?)?\\/?>`, 'g');
  return [...withoutComments.matchAll(pattern)].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!])),
  );
}

/** The text inside the first `<tag>…</tag>`, or undefined. */
export function xmlText(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
}

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  if (!png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Reads an archive back through its central directory, as an installer does. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory entry at ${at}`);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(zip.subarray(dataStart, dataStart + size)));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}
