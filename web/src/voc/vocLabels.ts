/** How the dashboard names the groups it shows. */
import { useTranslation } from 'react-i18next';
import type { FeedbackChannel, Touchpoint, VocDimension } from './vocModel.ts';

/** The words for a group key: a touch point or channel translated, a topic as tagged, a month as "Sep 26". */
export function useGroupLabel() {
  const { t, i18n } = useTranslation();
  return (grouping: VocDimension | 'month', key: string): string => {
    if (grouping === 'touchpoint') return t(`voc.touchpoints.${key as Touchpoint}`);
    if (grouping === 'channel') return t(`voc.channels.${key as FeedbackChannel}`);
    if (grouping === 'month') {
      const [year, month] = key.split('-').map(Number) as [number, number];
      return new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
    }
    return key;
  };
}
