/**
 * The lines of a quote or order being written: product, quantity, unit price (the product's by default),
 * discount, and the line total computed as the user types. Server refusals show on the line and field they name.
 */
import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../app/format.ts';
import { draftLineAmounts, emptyLine, withProduct, type LineDraft } from './commerceModel.ts';
import type { Product } from './commerceTypes.ts';
import { ProductPicker } from './Pickers.tsx';

export interface LinesEditorProps {
  lines: LineDraft[];
  products: ReadonlyMap<string, Product>;
  currency: string;
  /** Server issues by line index and field (productId, quantity, unitPrice, discountPercent). */
  issues: Record<number, Record<string, string>>;
  onChange: (lines: LineDraft[]) => void;
  onProduct: (product: Product) => void;
}

export function LinesEditor({ lines, products, currency, issues, onChange, onProduct }: LinesEditorProps) {
  const { t, i18n } = useTranslation();
  const update = (index: number, line: LineDraft) => onChange(lines.map((l, i) => (i === index ? line : l)));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} data-testid="lines-editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commerce.line.product')}</Table.Th>
              <Table.Th w={90}>{t('commerce.line.quantity')}</Table.Th>
              <Table.Th w={120}>{t('commerce.line.unitPrice')}</Table.Th>
              <Table.Th w={90}>{t('commerce.line.discountPercent')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('commerce.line.total')}
              </Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const product = line.productId ? products.get(line.productId) : undefined;
              const amounts = draftLineAmounts(line, product);
              const lineIssues = issues[index] ?? {};
              const n = index + 1;
              return (
                <Table.Tr key={line.key} data-testid="line-editor-row" style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <ProductPicker
                      label={t('commerce.line.productOf', { n })}
                      value={product ?? null}
                      error={lineIssues.productId}
                      onChange={(chosen) => {
                        if (chosen) onProduct(chosen);
                        update(index, withProduct(line, chosen));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('commerce.line.quantityOf', { n })}
                      inputMode="decimal"
                      value={line.quantity}
                      onChange={(e) => update(index, { ...line, quantity: e.currentTarget.value })}
                      error={lineIssues.quantity}
                      data-testid="line-quantity"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('commerce.line.unitPriceOf', { n })}
                      inputMode="decimal"
                      value={line.unitPrice}
                      onChange={(e) => update(index, { ...line, unitPrice: e.currentTarget.value })}
                      error={lineIssues.unitPrice}
                      rightSection={<Text size="xs" c="dimmed">{currency}</Text>}
                      data-testid="line-unit-price"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('commerce.line.discountOf', { n })}
                      inputMode="decimal"
                      value={line.discountPercent}
                      onChange={(e) => update(index, { ...line, discountPercent: e.currentTarget.value })}
                      error={lineIssues.discountPercent}
                      rightSection={<Text size="xs" c="dimmed">%</Text>}
                      data-testid="line-discount"
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={500} pt={6} data-testid="line-total">
                      {amounts ? formatMoney(amounts.lineTotal, currency, i18n.language) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={4}
                      aria-label={t('commerce.line.remove', { n })}
                      disabled={lines.length === 1}
                      onClick={() => onChange(lines.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...lines, emptyLine()])} data-testid="line-add">
          {t('commerce.line.add')}
        </Button>
      </Group>
    </Stack>
  );
}
