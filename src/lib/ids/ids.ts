/**
 * Makes ids that sort in creation order (time, then a counter), so IndexedDB indexes list rows
 * oldest first without a separate sequence number. One factory per writer; `prefix` names the kind.
 */
export function createIdFactory(now: () => number = Date.now): (prefix: string) => string {
  let lastTime = 0;
  let counter = 0;
  return (prefix) => {
    const time = Math.max(now(), lastTime);
    counter = time === lastTime ? counter + 1 : 0;
    lastTime = time;
    return `${prefix}-${time.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}`;
  };
}

/** Orders rows by id, which is creation order for ids made here. */
export function byCreation(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
