/** Hands a file to the browser's download manager. */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // The click starts the download synchronously; the URL can go once the task has ended.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
