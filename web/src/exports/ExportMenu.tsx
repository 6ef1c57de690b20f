/**
 * The "Export" button of a people or organisations list: the list as it is shown (or its saved view) as CSV,
 * CSV for French Excel, Excel or vCard. Each entry is a plain download link, so the browser streams the file
 * straight to disk however large it is.
 */
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COLUMNS } from '../parties/partyColumns.ts';
import { useSavedViews } from '../parties/partyHooks.ts';
import { differsFromView, type PartyListSearch } from '../parties/partyListModel.ts';
import type { PartyKind } from '../parties/partyTypes.ts';
import { EXPORT_FORMATS, exportUrl } from './exportModel.ts';

export interface ExportMenuProps {
  kind: PartyKind;
  search: PartyListSearch;
  /** Ids of the columns the list shows. */
  columns: readonly string[];
  meId: string | null;
}

export function ExportMenu({ kind, search, columns, meId }: ExportMenuProps) {
  const { t } = useTranslation();
  const views = useSavedViews(kind);
  const view = search.view ? views.data?.find((v) => v.id === search.view) : undefined;
  const viewUnchanged = view !== undefined && !differsFromView(search, view, DEFAULT_COLUMNS[kind]);

  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} data-testid="export-button">
          {t('exports.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(view && viewUnchanged ? 'exports.ofView' : 'exports.ofList', { name: view?.name })}</Menu.Label>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={exportUrl(kind, format, search, { meId, columns, viewUnchanged })}
            download
            data-testid={`export-${format}`}
          >
            {t(`exports.format.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
