/**
 * The search box of the header: a button (or Ctrl/Cmd-K) opens a dialog whose input queries GET /api/search
 * as the user types, shows the results grouped by kind, each with the icon of its kind, and opens the chosen one.
 * The input and the result list follow the ARIA combobox pattern, so the arrow keys and Enter work and screen
 * readers announce the choice.
 */
import { Box, Button, Group, Kbd, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys, useId } from '@mantine/hooks';
import { IconBuilding, IconFile, IconSearch, IconUser, IconUserCog, type Icon } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertBadges } from '../alerts/AlertBadges.tsx';
import type { TFunction } from 'i18next';
import { errorMessage } from '../app/formErrors.ts';
import { translateDynamic } from '../i18n/dynamic.ts';
import { useSearch } from './searchHooks.ts';
import { flattenGroups, groupByKind, isAppPath, moveHighlight, searchableQuery, type SearchResult } from './searchModel.ts';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The icon of each kind of result: customers (a person, an organisation) and the workspace's users. */
const KIND_ICONS: Record<string, Icon> = { person: IconUser, organisation: IconBuilding, user: IconUserCog };

/** The heading of a group of results: the shell's name for the kind, else the customer settings' one. */
function kindLabel(t: TFunction, kind: string): string {
  return translateDynamic(t, `search.kinds.${kind}`, translateDynamic(t, `customizing.searchKinds.${kind}`, kind));
}

export function GlobalSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  // Also while typing in another input: the shortcut must work anywhere.
  useHotkeys([['mod+K', open]], []);

  return (
    <>
      <Button
        variant="default"
        onClick={open}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">{IS_MAC ? t('search.shortcutMac') : t('search.shortcut')}</Kbd>}
        aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'}
        data-testid="search-open"
        styles={{ inner: { justifyContent: 'space-between' }, label: { fontWeight: 400 } }}
        miw={{ base: 0, sm: 260 }}
      >
        {t('search.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('search.title')} size="lg" yOffset="10vh">
        {opened && <SearchPanel onDone={close} />}
      </Modal>
    </>
  );
}

function SearchPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [input, setInput] = useState('');
  const [debounced] = useDebouncedValue(input, 250);
  const query = searchableQuery(debounced);
  const search = useSearch(query);
  const [highlight, setHighlight] = useState(-1);

  const groups = useMemo(() => groupByKind(query === null ? [] : (search.data?.results ?? [])), [query, search.data]);
  const flat = useMemo(() => flattenGroups(groups), [groups]);
  const active = highlight >= 0 ? flat[highlight] : undefined;
  const optionId = (result: SearchResult) => `${listId}-${result.kind}-${result.id}`;

  function go(result: SearchResult) {
    onDone();
    if (isAppPath(result.url)) void navigate({ href: result.url });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlight((index) => moveHighlight(index, event.key === 'ArrowDown' ? 1 : -1, flat.length));
    } else if (event.key === 'Enter') {
      const chosen = active ?? flat[0];
      if (chosen) {
        event.preventDefault();
        go(chosen);
      }
    }
  }

  return (
    <Stack gap="sm">
      <TextInput
        data-autofocus
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        value={input}
        onChange={(event) => {
          setInput(event.currentTarget.value);
          setHighlight(-1);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={flat.length > 0}
        aria-controls={listId}
        aria-activedescendant={active ? optionId(active) : undefined}
        autoComplete="off"
      />
      <SearchStatus input={input} query={query} count={flat.length} loading={search.isPending && query !== null} error={search.error} />
      <Box id={listId} role="listbox" aria-label={t('search.results')}>
        {groups.map((group) => {
          const KindIcon = KIND_ICONS[group.kind] ?? IconFile;
          const label = kindLabel(t, group.kind);
          return (
            <Box key={group.kind} role="group" aria-label={label} mb="sm" data-kind={group.kind}>
              <Group gap={6} mb={4} aria-hidden>
                <KindIcon size={14} color="var(--mantine-color-dimmed)" />
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  {label}
                </Text>
              </Group>
              {group.results.map((result) => (
                <Group
                  key={result.id}
                  id={optionId(result)}
                  role="option"
                  aria-selected={result === active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => go(result)}
                  onMouseEnter={() => setHighlight(flat.indexOf(result))}
                  gap="sm"
                  wrap="nowrap"
                  px="sm"
                  py={6}
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    cursor: 'pointer',
                    backgroundColor: result === active ? 'var(--mantine-color-default-hover)' : undefined,
                  }}
                >
                  <KindIcon size={18} aria-hidden style={{ flexShrink: 0 }} />
                  <Box miw={0}>
                    <Text size="sm" fw={500} truncate>
                      {result.title}
                    </Text>
                    {result.subtitle && (
                      <Text size="xs" c="dimmed" truncate>
                        {result.subtitle}
                      </Text>
                    )}
                  </Box>
                  {result.alerts && result.alerts.length > 0 && <AlertBadges kinds={result.alerts} />}
                </Group>
              ))}
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}

interface SearchStatusProps {
  input: string;
  query: string | null;
  count: number;
  loading: boolean;
  error: unknown;
}

/** One line under the input saying what is going on; announced to screen readers as it changes. */
function SearchStatus({ input, query, count, loading, error }: SearchStatusProps) {
  const { t } = useTranslation();
  let message: string | null = null;
  if (error) message = errorMessage(error);
  else if (input.trim() !== '' && searchableQuery(input) === null) message = t('search.tooShort');
  else if (query !== null && !loading && count === 0) message = t('search.noResults', { query });
  return (
    <Text size="sm" c={error ? 'red' : 'dimmed'} role="status" aria-live="polite" mih={message ? undefined : 0}>
      {message}
    </Text>
  );
}
