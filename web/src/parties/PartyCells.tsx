/**
 * How each kind of column shows its value in a list row: one line, never wrapping, translated and localised.
 * Cells are plain elements styled by the table's CSS module, not Mantine components, and take the translation
 * function from their column rather than a hook: a fast scroll mounts hundreds of them per second.
 */
import { Badge } from '@mantine/core';
import { IconBan, IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { translateDynamic } from '../i18n/dynamic.ts';
import { formatPhone } from '../../../src/shared/contact/phone.ts';
import { AlertBadges } from '../alerts/AlertBadges.tsx';
import { cellValue, CUSTOM_PREFIX, type PartyColumn } from './partyColumns.ts';
import { formatDay, formatMoney, formatNumber, referenceLabel, ROLE_COLORS } from './partyFormat.ts';
import { PARTY_ROLES, type PartyRole, type PartySummary } from './partyTypes.ts';
import classes from './PartyTable.module.css';

/** What cells need to speak the interface's language. */
export interface CellFormat {
  t: TFunction;
  locale: string;
}

/** A role as a coloured label, for use outside the table. */
export function RoleBadge({ role, size = 'sm' }: { role: PartyRole; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} miw="max-content" radius="sm" size={size}>
      {t(`parties.roles.${role}`)}
    </Badge>
  );
}

const EMPTY = (
  <span className={classes.dimmed} aria-hidden>
    —
  </span>
);

function isRole(value: string): value is PartyRole {
  return (PARTY_ROLES as readonly string[]).includes(value);
}

function line(text: string, className = classes.line): ReactNode {
  return (
    <span className={className} title={text}>
      {text}
    </span>
  );
}

function badges(values: readonly string[], label: (value: string) => string, color?: (value: string) => string): ReactNode {
  if (values.length === 0) return EMPTY;
  const labels = values.map(label);
  return (
    <span className={classes.badges} title={labels.join(', ')}>
      {values.map((value, i) => {
        const c = color?.(value);
        return (
          <span
            key={value}
            className={c ? classes.badge : classes.tag}
            style={c ? { background: `var(--mantine-color-${c}-light)`, color: `var(--mantine-color-${c}-light-color)` } : undefined}
          >
            {labels[i]}
          </span>
        );
      })}
    </span>
  );
}

/** The header text of a column: its translation, or a custom field's own label. */
export function columnLabel(t: TFunction, column: Pick<PartyColumn, 'id' | 'label'>): string {
  return column.label ?? translateDynamic(t, `parties.columns.${column.id}`, column.id);
}

/** The content of one cell. */
export function cellContent(row: PartySummary, column: PartyColumn, { t, locale }: CellFormat): ReactNode {
  if (column.id.startsWith(CUSTOM_PREFIX) && row.hiddenFields.includes(column.id.slice(CUSTOM_PREFIX.length))) {
    return <IconLock size={14} className={classes.dimmed} aria-label={t('parties.table.hidden')} role="img" />;
  }
  const value = cellValue(row, column.id);
  if (value === null || value === undefined || value === '') return EMPTY;
  const text = String(value);

  switch (column.type) {
    case 'name':
    case 'text':
    case 'choice':
      return line(text);
    case 'code':
      return line(text, `${classes.line} ${classes.mono}`);
    case 'number':
      return line(typeof value === 'number' ? formatNumber(value, locale) : text);
    case 'money':
      return line(typeof value === 'number' ? formatMoney(value, locale) : text);
    case 'day':
      return line(formatDay(text, locale));
    case 'timestamp':
      return line(formatDateTime(text, locale));
    case 'phone':
      return line(formatPhone(text, 'national'));
    case 'email':
      return (
        <a href={`mailto:${text}`} className={classes.link} title={text}>
          {text}
        </a>
      );
    case 'url':
      return (
        <a href={text} target="_blank" rel="noreferrer noopener" className={classes.link} title={text}>
          {text.replace(/^https?:\/\//, '')}
        </a>
      );
    case 'boolean':
      return line(value === true ? t('parties.table.yes') : t('parties.table.no'));
    case 'alerts':
      return (value as string[]).length > 0 ? <AlertBadges kinds={value as string[]} /> : EMPTY;
    case 'doNotContact':
      return value === true ? (
        <span className={classes.badge} style={{ background: 'var(--mantine-color-red-light)', color: 'var(--mantine-color-red-light-color)' }}>
          <IconBan size={12} aria-hidden />
          {t('parties.table.doNotContact')}
        </span>
      ) : (
        EMPTY
      );
    case 'roles':
      return badges(
        (value as string[]).filter(isRole),
        (role) => t(`parties.roles.${role as PartyRole}`),
        (role) => ROLE_COLORS[role as PartyRole],
      );
    case 'badges': {
      const prefix = column.id === 'preferredChannels' ? 'parties.channels.' : null;
      return badges(value as string[], prefix ? (v) => translateDynamic(t, `${prefix}${v}`, v) : (v) => v);
    }
    case 'ref':
      return line((value as { name: string }).name);
    case 'gender':
      return line(translateDynamic(t, `parties.genders.${text}`, text));
    case 'civility':
    case 'pcsGroup':
    case 'familySituation':
    case 'headcountBand':
    case 'nafSection':
    case 'departement':
    case 'region':
      return line(referenceLabel(column.type, text, locale));
  }
}
