/**
 * The customer a row of an orders or interactions file belongs to, named by its customer number (a number
 * merged away still works: it is an alias of the survivor), one of its emails, or the id it has in the source
 * system. All the references of a batch are resolved with one query; a record merged into another leads to the
 * survivor, an erased one is never found. A reference that finds nobody, or several customers, makes the row
 * invalid with a reason naming it.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { normaliseEmail } from '../../../shared/contact/email.ts';
import { formatCustomerNumber, parseCustomerNumber } from '../../../shared/identifiers/customer-number.ts';
import type { MappedRow, RowIssue, TargetField } from '../import-types.ts';

export const CUSTOMER_KEYS = ['customerNumber', 'customerEmail', 'customerExternalId'] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];

/** The three ways a row can name its customer; one of them must be mapped (see the mapping's stand-ins). */
export const CUSTOMER_FIELDS: TargetField[] = [
  {
    key: 'customerNumber',
    type: 'text',
    required: true,
    synonyms: ['numero client', 'n client', 'no client', 'num client', 'code client', 'client', 'customer number', 'customer no', 'customer', 'client number', 'account number'],
  },
  { key: 'customerEmail', type: 'email', synonyms: ['email client', 'e mail client', 'courriel client', 'mail client', 'email', 'e mail', 'courriel', 'customer email', 'client email'] },
  {
    key: 'customerExternalId',
    type: 'text',
    synonyms: ['id client', 'identifiant client', 'ref client', 'reference client', 'customer id', 'client id', 'customer external id', 'contact id', 'account id'],
  },
];

/** A row's reference to its customer: which field, the normalised value looked up, and where it came from. */
export interface CustomerRef {
  key: CustomerKey;
  value: string;
  column: string;
  text: string;
}

export interface FoundCustomer {
  id: string;
  customerNumber: string;
}

/** What a reference leads to: one customer, or a reason the row cannot be written. */
export type CustomerResolution = { customer: FoundCustomer } | { issue: RowIssue };

const WHAT: Record<CustomerKey, string> = { customerNumber: 'customer number', customerEmail: 'email', customerExternalId: 'external id' };
const MAX_MERGE_HOPS = 10;

/**
 * Reads the customer reference of a mapped row: the customer number when there is one, else the external id,
 * else the email. A malformed value pushes an issue naming its column; a row naming no customer gives null
 * (the caller decides whether another row of the same record names it).
 */
export function readCustomerRef(row: MappedRow, issues: RowIssue[]): CustomerRef | null {
  for (const key of ['customerNumber', 'customerExternalId', 'customerEmail'] as const) {
    const text = row.values.get(key)?.find((v) => v.trim() !== '')?.trim();
    if (text === undefined) continue;
    const column = row.columns.get(key) ?? key;
    const fail = (reason: string) => {
      issues.push({ rowNumber: row.rowNumber, column, value: text, reason });
      return null;
    };
    if (key === 'customerNumber') {
      const parsed = parseCustomerNumber(text);
      if (!parsed) return fail('not a customer number (written like C-000123-18, with its two check digits)');
      return { key, value: formatCustomerNumber(parsed.prefix, parsed.sequence), column, text };
    }
    if (key === 'customerEmail') {
      const email = normaliseEmail(text);
      if (!email.ok) return fail(`not an email address: ${email.rule}`);
      return { key, value: email.email, column, text };
    }
    if (text.length > 200) return fail('must be at most 200 characters');
    return { key, value: text, column, text };
  }
  return null;
}

/** Whether the row names a customer at all (even with a malformed value). */
export function namesCustomer(row: MappedRow): boolean {
  return CUSTOMER_KEYS.some((key) => row.values.get(key)?.some((v) => v.trim() !== ''));
}

/** The issue of a row (or record) that names no customer, on the first customer column mapped. */
export function missingCustomer(rowNumber: number, columns: ReadonlyMap<string, string>): RowIssue {
  const column = CUSTOMER_KEYS.map((k) => columns.get(k)).find(Boolean) ?? null;
  return { rowNumber, column, value: null, reason: 'the customer is missing: give a customer number, email or external id' };
}

const refKey = (ref: Pick<CustomerRef, 'key' | 'value'>) => `${ref.key}\u0000${ref.value}`;

interface Hit {
  key: CustomerKey;
  value: string;
  id: string;
  customer_number: string;
}

/**
 * Resolves every reference of a batch with one query (customer numbers and their aliases, emails of any
 * position, external ids; merges followed to the survivor). Answers each reference's customer or issue,
 * looked up with `resolutionOf`.
 */
export async function findCustomers(ctx: Ctx, refs: readonly CustomerRef[]) {
  const values = (key: CustomerKey) => [...new Set(refs.filter((r) => r.key === key).map((r) => r.value))];
  const numbers = values('customerNumber');
  const emails = values('customerEmail');
  const externalIds = values('customerExternalId');
  const ws = ctx.workspaceId;
  const hits = new Map<string, FoundCustomer[]>();
  if (refs.length > 0) {
    const { rows } = await sql<Hit>`
      with recursive hit (key, value, id) as (
        select 'customerNumber', p.customer_number, p.id from parties p
        where p.workspace_id = ${ws} and p.customer_number = any(${numbers}::text[])
        union all
        select 'customerNumber', a.customer_number, a.party_id from customer_number_aliases a
        where a.workspace_id = ${ws} and a.customer_number = any(${numbers}::text[])
        union all
        select 'customerEmail', e.email, e.party_id from party_emails e
        where e.workspace_id = ${ws} and e.email = any(${emails}::text[])
        union all
        select 'customerExternalId', p.external_id, p.id from parties p
        where p.workspace_id = ${ws} and p.external_id = any(${externalIds}::text[])
      ),
      chain (key, value, id, customer_number, merged_into_id, erased, hops) as (
        select h.key, h.value, p.id, p.customer_number, p.merged_into_id, p.erased_at is not null, 0
        from hit h join parties p on p.workspace_id = ${ws} and p.id = h.id
        union all
        select c.key, c.value, p.id, p.customer_number, p.merged_into_id, p.erased_at is not null, c.hops + 1
        from chain c join parties p on p.workspace_id = ${ws} and p.id = c.merged_into_id
        where c.hops < ${MAX_MERGE_HOPS}
      )
      select distinct key, value, id, customer_number from chain where merged_into_id is null and not erased
      order by customer_number`.execute(ctx.db);
    for (const row of rows) {
      const list = hits.get(refKey(row)) ?? [];
      if (!list.some((c) => c.id === row.id)) list.push({ id: row.id, customerNumber: row.customer_number });
      hits.set(refKey(row), list);
    }
  }
  return {
    /** The customer `ref` (of row `rowNumber`) designates, or the issue that makes the row invalid. */
    resolutionOf(ref: CustomerRef, rowNumber: number): CustomerResolution {
      const found = hits.get(refKey(ref)) ?? [];
      const issue = (reason: string): CustomerResolution => ({ issue: { rowNumber, column: ref.column, value: ref.text, reason } });
      if (found.length === 1) return { customer: found[0]! };
      if (found.length === 0) return issue(`no customer has the ${WHAT[ref.key]} ${ref.value}`);
      const shown = found.slice(0, 3).map((c) => c.customerNumber).join(', ');
      return issue(`the ${WHAT[ref.key]} ${ref.value} matches ${found.length} customers (${shown}${found.length > 3 ? ', …' : ''}); use the customer number`);
    },
  };
}
