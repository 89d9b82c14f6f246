/** Runs a named part of the work (its promise, when it is async); the bench times each part, the figures do not depend on it. */
export type Timer = <T>(part: string, work: () => T) => T;

export const untimed: Timer = (_, work) => work();
