/** The one place the UI turns anything thrown into words for the user (and the console). */
export function errorMessage(error: unknown): string {
  console.error(error);
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Something went wrong. Reload the page; the pool is kept in storage.';
}
