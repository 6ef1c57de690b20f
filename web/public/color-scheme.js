// Sets the colour scheme before the first paint, so a dark-mode user never sees a white flash. A separate file
// rather than an inline script so that a strict Content-Security-Policy (script-src 'self') allows it.
// Mirrors the storage key and values that src/app/theme.ts gives Mantine's colour scheme manager.
(function () {
  var stored = null;
  try {
    stored = window.localStorage.getItem('rapport-color-scheme');
  } catch (e) {
    // Storage can be disabled; fall back to the system preference.
  }
  var scheme =
    stored === 'light' || stored === 'dark'
      ? stored
      : window.matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
