import type { LockManagerLike } from '../../src/lib/coordination';

/** Web Locks with ifAvailable: a held name is refused at once, shared by every "tab" given it. */
export function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
    async query() {
      return { held: [...held].map((name) => ({ name })) };
    },
  };
}
