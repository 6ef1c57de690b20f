/** A text filter that follows its input a moment after the user stops typing, rather than at every key. */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useEffectEvent, useState } from 'react';

/**
 * The input's text and its setter. Once the text has stayed the same for `wait` ms, `apply` receives it trimmed
 * (undefined when blank) if that differs from the filter in force, `applied` (typically the URL's `q`).
 */
export function useTypedFilter(applied: string | undefined, apply: (text: string | undefined) => void, wait = 300) {
  const [text, setText] = useState(applied ?? '');
  const [debounced] = useDebouncedValue(text, wait);
  const onSettled = useEffectEvent(apply);
  useEffect(() => {
    const settled = debounced.trim() || undefined;
    if (settled !== applied) onSettled(settled);
  }, [debounced, applied]);
  return [text, setText] as const;
}
