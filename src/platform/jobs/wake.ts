/**
 * In-process wake-up of idle job runners, so a job queued by this process starts without waiting for the next
 * poll. Runners in other processes still find it at their next poll.
 */
const wakers = new Set<() => void>();

export function addJobWaker(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export function wakeJobRunners(): void {
  for (const wake of wakers) wake();
}
