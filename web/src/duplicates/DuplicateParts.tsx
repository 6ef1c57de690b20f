/** Small pieces the duplicate screens share: the score badge, a verdict's icon, a field's label, a record's link. */
import { Badge, Tooltip } from '@mantine/core';
import { IconTilde, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../app/links.tsx';
import { translateDynamic } from '../i18n/dynamic.ts';
import { PARTY_PATHS } from '../parties/partyTypes.ts';
import { fieldLabelKey, formatScore, levelColor, verdictColor } from './duplicateModel.ts';
import type { DuplicateLevel, PartyBrief, Verdict } from './duplicateTypes.ts';

/** `92 % · Likely`, coloured by level. */
export function ScoreBadge({ score, level }: { score: number; level: DuplicateLevel }) {
  const { t, i18n } = useTranslation();
  return (
    <Badge color={levelColor(level)} variant="light" size="lg" data-testid="duplicate-score">
      {formatScore(score, i18n.language)} · {t(`duplicates.levels.${level}`)}
    </Badge>
  );
}

const VERDICT_ICONS = { same: IconCheck, similar: IconTilde, different: IconX, missing: IconMinus } as const;

/** The icon of a comparison's verdict, named for screen readers and in its tooltip. */
export function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const Icon = VERDICT_ICONS[verdict];
  const label = t(`duplicates.verdicts.${verdict}`);
  return (
    <Tooltip label={label}>
      <Icon size={18} color={`var(--mantine-color-${verdictColor(verdict)}-6)`} role="img" aria-label={label} data-verdict={verdict} />
    </Tooltip>
  );
}

/** A field's label: the duplicate catalogue's, else the record page's, else the API name itself. */
export function fieldLabel(t: TFunction, field: string): string {
  return translateDynamic(t, fieldLabelKey(field), translateDynamic(t, `record.fields.${field}`, field));
}

/** A link to a record's page, named after it. */
export function PartyLink({ party, withNumber = false }: { party: PartyBrief; withNumber?: boolean }) {
  return (
    <AnchorLink to={PARTY_PATHS[party.kind].record} params={{ id: party.id }} fw={500}>
      {withNumber ? `${party.displayName} (${party.customerNumber})` : party.displayName}
    </AnchorLink>
  );
}
