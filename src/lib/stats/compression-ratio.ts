import { gzipSync } from 'fflate';

const encoder = new TextEncoder();

/**
 * Compression ratio (Shaib et al. 2024) as their `diversity` package reports it, so a figure here
 * reads like one in the literature: the size in UTF-8 of the texts joined by newlines over their
 * gzip size; higher means more repetitive. fflate at level 9, Python's gzip.compress default: the
 * same figure in every browser, where CompressionStream's zlib settings are the browser's (and it
 * was no faster in bench:stats). Null without text.
 */
export function compressionRatio(texts: readonly string[]): number | null {
  const raw = encoder.encode(texts.join('\n'));
  return raw.length === 0 ? null : raw.length / gzipSync(raw, { level: 9 }).length;
}
