import { Gzip } from 'fflate';
import { joinTexts, type JoinedTexts } from './joined-texts';

const encoder = new TextEncoder();
/** The deflate stream is fed in pieces of this size, however the texts arrive. */
const PIECE_BYTES = 1 << 20;

/**
 * Compression ratio (Shaib et al. 2024) as their `diversity` package reports it, so a figure here
 * reads like one in the literature: the size in UTF-8 of the texts joined by newlines over their
 * gzip size; higher means more repetitive. fflate at level 9, Python's gzip.compress default: the
 * same figure in every browser, where CompressionStream's zlib is each browser's own (Chromium's
 * gave 2.969 on bench:stats' pool, Node's 2.987), and it was no faster in bench:stats. Null
 * without text.
 *
 * The texts may come in parts (the stats worker hands them over as it reads them): each part is
 * joined to the last by a newline too, and deflate gets fixed 1 MB pieces, so the figure depends
 * on the text alone, not on how it was split (within 10⁻⁵ of one gzip of the whole on 100k tasks).
 */
export class CompressionCounter {
  readonly #gzip = new Gzip({ level: 9 }, (data) => (this.#compressed += data.length));
  readonly #piece = new Uint8Array(PIECE_BYTES);
  #filled = 0;
  #raw = 0;
  #compressed = 0;
  #started = false;
  #ratio: number | null | undefined;

  add(texts: readonly string[]): this {
    return this.addJoined(joinTexts(texts));
  }

  /** Adds texts already joined by newlines, as the stats worker sends them to a helper. */
  addJoined({ text, ends }: JoinedTexts): this {
    if (this.#ratio !== undefined) throw new Error('This compression ratio is already finished.');
    if (ends.length === 0) return this;
    const bytes = encoder.encode((this.#started ? '\n' : '') + text);
    this.#started = true;
    this.#raw += bytes.length;
    for (let at = 0; at < bytes.length; ) {
      const taken = Math.min(PIECE_BYTES - this.#filled, bytes.length - at);
      this.#piece.set(bytes.subarray(at, at + taken), this.#filled);
      this.#filled += taken;
      at += taken;
      if (this.#filled === PIECE_BYTES) {
        this.#gzip.push(this.#piece.slice(), false);
        this.#filled = 0;
      }
    }
    return this;
  }

  /** Ends the stream: raw size over gzip size, null without text. */
  ratio(): number | null {
    if (this.#ratio === undefined) {
      this.#gzip.push(this.#piece.slice(0, this.#filled), true);
      this.#ratio = this.#raw === 0 ? null : this.#raw / this.#compressed;
    }
    return this.#ratio;
  }
}

export function compressionRatio(texts: readonly string[]): number | null {
  return new CompressionCounter().add(texts).ratio();
}
