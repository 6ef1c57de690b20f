/**
 * Reading the `lines` of a delivery, invoice, credit note or return request: which order lines, how much of
 * each, checked against what is still available for that purpose. A malformed quantity is a 400; a line that is
 * not on the document or a quantity above what remains is a 422 naming `body.lines[i].…`, with the limit in words.
 */
import { AppError, throwIfIssues, type FieldIssue } from '../../platform/errors.ts';
import { QUANTITY_RULE, readDecimal, type DecimalInput } from '../commerce/money-input.ts';
import { milli, quantityText } from './billing-math.ts';

export interface LineRequest {
  orderLinePosition: number;
  quantity?: DecimalInput;
}

export interface ChosenLine {
  position: number;
  /** Thousandths. */
  quantity: bigint;
}

/** Throws one 422 `unprocessable` naming every field when there are issues. */
export function throwIfRefused(issues: FieldIssue[], message?: string): void {
  if (issues.length === 0) return;
  throw new AppError('unprocessable', message ?? issues.map((i) => `${i.field} ${i.rule}`).join('; '), issues);
}

/**
 * The lines to act on. Without `requested`, every line with something available, all of it. With it, each
 * requested line (all that is available when its quantity is left out). `available` maps each line position of
 * the document to what remains for this purpose; `purpose` words the limit ("to deliver").
 */
export function chooseLines(requested: readonly LineRequest[] | undefined, available: ReadonlyMap<number, bigint>, purpose: string): ChosenLine[] {
  if (!requested) {
    return [...available.entries()].filter(([, quantity]) => quantity > 0n).map(([position, quantity]) => ({ position, quantity }));
  }
  const malformed: FieldIssue[] = [];
  const parsed = requested.map((line, i) => {
    if (line.quantity === undefined) return undefined;
    const text = readDecimal(line.quantity, `body.lines[${i}].quantity`, QUANTITY_RULE, malformed);
    return text === undefined ? undefined : milli(text);
  });
  throwIfIssues(malformed);

  const refused: FieldIssue[] = [];
  const seen = new Set<number>();
  const chosen: ChosenLine[] = [];
  requested.forEach((line, i) => {
    const remaining = available.get(line.orderLinePosition);
    if (remaining === undefined) {
      refused.push({ field: `body.lines[${i}].orderLinePosition`, rule: `must be the position of a line of the document (${[...available.keys()].join(', ')})` });
      return;
    }
    if (seen.has(line.orderLinePosition)) {
      refused.push({ field: `body.lines[${i}].orderLinePosition`, rule: 'must not appear twice' });
      return;
    }
    seen.add(line.orderLinePosition);
    const quantity = parsed[i] ?? remaining;
    if (quantity <= 0n || quantity > remaining) {
      refused.push({
        field: `body.lines[${i}].quantity`,
        rule: remaining > 0n ? `must be at most ${quantityText(remaining)} (what remains ${purpose})` : `cannot be taken: nothing remains ${purpose} on this line`,
      });
      return;
    }
    chosen.push({ position: line.orderLinePosition, quantity });
  });
  throwIfRefused(refused);
  return chosen;
}
