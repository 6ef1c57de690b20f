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
import tasksEn from '../tasks/tasks.en.json' with { type: 'json' };
import tasksFr from '../tasks/tasks.fr.json' with { type: 'json' };
import alertsEn from '../alerts/alerts.en.json' with { type: 'json' };
import alertsFr from '../alerts/alerts.fr.json' with { type: 'json' };
import interactionsEn from '../interactions/interactions.en.json' with { type: 'json' };
import interactionsFr from '../interactions/interactions.fr.json' with { type: 'json' };
import commerceEn from '../commerce/commerce.en.json' with { type: 'json' };
import commerceFr from '../commerce/commerce.fr.json' with { type: 'json' };
import billingEn from '../billing/billing.en.json' with { type: 'json' };
import billingFr from '../billing/billing.fr.json' with { type: 'json' };
import casesEn from '../cases/cases.en.json' with { type: 'json' };
import casesFr from '../cases/cases.fr.json' with { type: 'json' };
import vocEn from '../voc/voc.en.json' with { type: 'json' };
import vocFr from '../voc/voc.fr.json' with { type: 'json' };
import timelineEn from '../timeline/timeline.en.json' with { type: 'json' };
import timelineFr from '../timeline/timeline.fr.json' with { type: 'json' };
import metricsEn from '../metrics/metrics.en.json' with { type: 'json' };
import metricsFr from '../metrics/metrics.fr.json' with { type: 'json' };
import importsEn from '../imports/imports.en.json' with { type: 'json' };
import importsFr from '../imports/imports.fr.json' with { type: 'json' };
import duplicatesEn from '../duplicates/duplicates.en.json' with { type: 'json' };
import duplicatesFr from '../duplicates/duplicates.fr.json' with { type: 'json' };
import exportsEn from '../exports/exports.en.json' with { type: 'json' };
import exportsFr from '../exports/exports.fr.json' with { type: 'json' };
import { pickLocale, type Locale } from './locale.ts';

/**
 * The catalogue: the shell's, plus one per feature folder (each under its own top-level key, so features
 * never edit each other's files).
 */
const english = {
  ...en,
  ...partiesEn,
  ...recordEn,
  ...customizingEn,
  ...tasksEn,
  ...alertsEn,
  ...interactionsEn,
  ...commerceEn,
  ...billingEn,
  ...casesEn,
  ...vocEn,
  ...timelineEn,
  ...metricsEn,
  ...importsEn,
  ...duplicatesEn,
  ...exportsEn,
};
const french = {
  ...fr,
  ...partiesFr,
  ...recordFr,
  ...customizingFr,
  ...tasksFr,
  ...alertsFr,
  ...interactionsFr,
  ...commerceFr,
  ...billingFr,
  ...casesFr,
  ...vocFr,
  ...timelineFr,
  ...metricsFr,
  ...importsFr,
  ...duplicatesFr,
  ...exportsFr,
};

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
