/**
 * The banner of a record merged into another: it names the record that absorbed it and links to it, since this
 * one no longer appears in lists and everything it had moved there.
 */
import { Alert, Text } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../app/links.tsx';
import { PARTY_PATHS, type Party } from '../parties/partyTypes.ts';
import { useParty } from '../record/recordHooks.ts';

/** Nothing for a record that was not merged. */
export function MergedBanner({ party }: { party: Pick<Party, 'kind' | 'mergedIntoId'> }) {
  if (!party.mergedIntoId) return null;
  return <Banner kind={party.kind} survivorId={party.mergedIntoId} />;
}

function Banner({ kind, survivorId }: { kind: Party['kind']; survivorId: string }) {
  const { t } = useTranslation();
  const survivor = useParty(kind, survivorId);
  // Until the survivor is read (or if it cannot be), its id still makes a working link.
  const number = survivor.data?.customerNumber ?? '…';
  return (
    <Alert color="orange" icon={<IconArrowMerge aria-hidden />} title={t('duplicates.mergedBanner.title', { number })} data-testid="merged-banner">
      <Text size="sm">{t('duplicates.mergedBanner.text', { name: survivor.data?.displayName ?? number })}</Text>
      <AnchorLink to={PARTY_PATHS[kind].record} params={{ id: survivorId }} size="sm" fw={500} data-testid="merged-banner-link">
        {t('duplicates.mergedBanner.open', { number })}
      </AnchorLink>
    </Alert>
  );
}
