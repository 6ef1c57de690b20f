/**
 * In-process wake-up of idle import runners, so an import queued by this process starts at once instead of at
 * the next poll. Runners in other processes find it at their next poll.
 */
const wakers = new Set<() => void>();

/** Registers a runner's wake-up; returns the function that removes it. */
export function addImportWaker(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export function wakeImportRunners(): void {
  for (const wake of wakers) wake();
}
