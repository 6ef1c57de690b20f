/**
 * i18next, set up once at start-up in the browser's preferred language. The signed-in user's saved locale
 * replaces it as soon as /api/me answers (see `applyLocale`).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import partiesEn from '../parties/parties.en.json' with { type: 'json' };
import partiesFr from '../parties/parties.fr.json' with { type: 'json' };
import recordEn from '../record/record.en.json' with { type: 'json' };
import recordFr from '../record/record.fr.json' with { type: 'json' };
import customizingEn from '../customizing/customizing.en.json' with { type: 'json' };
import customizingFr from '../customizing/customizing.fr.json' with { type: 'json' };
import { pickLocale, type Locale } from './locale.ts';

/**
 * The catalogue: the shell's, plus one per feature folder (each under its own top-level key, so features
 * never edit each other's files).
 */
const english = { ...en, ...partiesEn, ...recordEn, ...customizingEn };
const french = { ...fr, ...partiesFr, ...recordFr, ...customizingFr };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // English is the reference catalogue: keys missing from it fail type-checking.
    resources: { translation: typeof english };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: english }, fr: { translation: french } },
  lng: pickLocale(navigator.languages ?? [navigator.language]),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = i18n.language;

/** Switches the whole interface to `locale` now; a no-op when it is already the current one. */
export function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

/** The language the interface speaks now. */
export function currentLocale(): Locale {
  return i18n.language === 'fr' ? 'fr' : 'en';
}
