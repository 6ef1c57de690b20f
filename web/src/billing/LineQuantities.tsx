/** A quantity input per order line, with what is still available for it; used by the delivery and return forms. */
import { Group, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../app/formErrors.ts';

export interface QuantityLine {
  position: number;
  description: string;
  sku: string;
  /** What remains for this purpose, in words ("3 to deliver"). */
  hint: string;
}

export interface LineQuantitiesProps {
  lines: readonly QuantityLine[];
  values: Readonly<Record<number, string>>;
  onChange: (position: number, value: string) => void;
  /** The server's refusal; its `body.lines[i]` issues are matched to the i-th line sent, in `sentPositions`. */
  error: unknown;
  sentPositions: readonly number[];
  label: string;
}

/** The request lines of the quantities typed (a decimal comma read as a point), leaving out empty and zero ones. */
export function typedLines(values: Readonly<Record<number, string>>): { orderLinePosition: number; quantity: string }[] {
  return Object.entries(values)
    .map(([position, typed]) => ({ orderLinePosition: Number(position), quantity: typed.trim().replace(',', '.') }))
    .filter((line) => line.quantity !== '' && Number(line.quantity) !== 0)
    .sort((a, b) => a.orderLinePosition - b.orderLinePosition);
}

export function LineQuantities({ lines, values, onChange, error, sentPositions, label }: LineQuantitiesProps) {
  const issueOf = (position: number) => {
    const index = sentPositions.indexOf(position);
    return index < 0 ? undefined : (fieldError(error, `lines[${index}].quantity`) ?? fieldError(error, `lines[${index}].orderLinePosition`));
  };
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      {lines.map((line) => (
        <Group key={line.position} justify="space-between" align="flex-start" wrap="nowrap" data-testid="quantity-line">
          <div>
            <Text size="sm" fw={500}>
              {line.description}
            </Text>
            <Text size="xs" c="dimmed">
              {line.sku} · {line.hint}
            </Text>
          </div>
          <TextInput
            aria-label={line.description}
            value={values[line.position] ?? ''}
            onChange={(event) => onChange(line.position, event.currentTarget.value)}
            error={issueOf(line.position)}
            inputMode="decimal"
            w={110}
            data-testid={`quantity-${line.position}`}
          />
        </Group>
      ))}
    </Stack>
  );
}
