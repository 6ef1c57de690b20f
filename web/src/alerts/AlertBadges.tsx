/**
 * A customer's open alerts as small coloured badges (dispute, unpaid invoice…), for wherever the customer
 * appears: lists, search results, record headers, orders, cases. Renders nothing without alerts.
 */
import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ALERT_STYLES, knownAlertKinds } from './alertModel.ts';

export function AlertBadges({ kinds, compact = false }: { kinds: string[]; compact?: boolean }) {
  const { t } = useTranslation();
  const shown = knownAlertKinds(kinds);
  if (shown.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap" component="span" aria-label={t('alerts.badges.label')} data-testid="alert-badges">
      {shown.map((kind) => {
        const { color, Icon } = ALERT_STYLES[kind];
        const label = t(`alerts.kinds.${kind}`);
        const badge = (
          <Badge
            key={kind}
            size="xs"
            variant="light"
            color={color}
            tt="none"
            leftSection={<Icon size={11} aria-hidden />}
            data-testid={`alert-badge-${kind}`}
            aria-label={compact ? label : undefined}
          >
            {compact ? null : label}
          </Badge>
        );
        return compact ? (
          <Tooltip key={kind} label={label} withinPortal>
            {badge}
          </Tooltip>
        ) : (
          badge
        );
      })}
    </Group>
  );
}
