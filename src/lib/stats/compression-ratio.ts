import { gzipSync } from 'fflate';

const encoder = new TextEncoder();

/**
 * Compression ratio (Shaib et al. 2024), as issue 12 asks for it: the gzip size of the texts
 * joined by newlines over their size in UTF-8, so lower means more repetitive (the diversity
 * package reports the inverse). fflate at level 9, Python's gzip.compress default: the same figure
 * in every browser, where CompressionStream's zlib settings are the browser's (and it was no faster
 * in bench:stats). Null without text.
 */
export function compressionRatio(texts: readonly string[]): number | null {
  const raw = encoder.encode(texts.join('\n'));
  return raw.length === 0 ? null : gzipSync(raw, { level: 9 }).length / raw.length;
}
