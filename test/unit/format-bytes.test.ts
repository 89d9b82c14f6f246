import { expect, test } from 'vitest';
import { formatBytes } from '../../src/ui/format-bytes';

test.each([
  [0, '0 B'],
  [1023, '1023 B'],
  [1536, '1.5 KB'],
  [52 * 1024 * 1024, '52 MB'],
  [3.25 * 1024 ** 3, '3.3 GB'],
])('formats %d bytes as %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});
