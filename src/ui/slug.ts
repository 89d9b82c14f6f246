/** A project name as a file-name part: letters and digits joined by dashes, e.g. "My-dataset". */
export function slug(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'dataset';
}
