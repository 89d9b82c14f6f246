import { Zip, ZipDeflate } from 'fflate';
import type { Chunk, ExportFile } from './types';

const encoder = new TextEncoder();

/**
 * The files as one zip archive, in pieces as they are compressed. fflate's streaming `Zip` with
 * the synchronous `ZipDeflate` compresses each chunk as it is pushed, so the archive streams like
 * the files do: the caller can yield between pieces, and no file is held whole. (`zipSync` would
 * need every file whole first; the async variants need workers, which a pure module avoids.)
 */
export function* zipFiles(files: Iterable<ExportFile>): Generator<Uint8Array<ArrayBuffer>> {
  const ready: Uint8Array<ArrayBuffer>[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    ready.push(data);
  });
  for (const file of files) {
    const entry = new ZipDeflate(file.name, { level: 6 });
    zip.add(entry);
    for (const chunk of file.chunks) {
      entry.push(bytes(chunk));
      yield* ready.splice(0);
    }
    entry.push(new Uint8Array(0), true);
    yield* ready.splice(0);
  }
  zip.end();
  yield* ready.splice(0);
}

function bytes(chunk: Chunk): Uint8Array<ArrayBuffer> {
  return typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}
