/**
 * Cursor pagination for a table: the API only knows "the page after this cursor", so the cursors of the pages
 * already seen are kept on a stack to be able to go back.
 */
import { useCallback, useState } from 'react';

export interface CursorPages {
  /** Cursor of the page on screen; null for the first page. */
  cursor: string | null;
  /** 1-based number of the page on screen. */
  page: number;
  next: (nextCursor: string) => void;
  previous: () => void;
}

/** Starts again from the first page whenever `resetKey` changes (a new filter or sort). */
export function useCursorPages(resetKey: string): CursorPages {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: resetKey, stack: [] });
  const stack = state.key === resetKey ? state.stack : [];
  if (state.key !== resetKey) setState({ key: resetKey, stack: [] });

  const next = useCallback(
    (nextCursor: string) => setState((s) => ({ key: resetKey, stack: [...(s.key === resetKey ? s.stack : []), nextCursor] })),
    [resetKey],
  );
  const previous = useCallback(
    () => setState((s) => ({ key: resetKey, stack: s.key === resetKey ? s.stack.slice(0, -1) : [] })),
    [resetKey],
  );
  return { cursor: stack.at(-1) ?? null, page: stack.length + 1, next, previous };
}
