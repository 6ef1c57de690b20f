/** The Mantine theme and where the chosen colour scheme is kept. */
import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

/** Also read by public/color-scheme.js before the first paint: keep both in step. */
export const COLOR_SCHEME_STORAGE_KEY = 'rapport-color-scheme';

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  cursorType: 'pointer',
});
