import { sql, type Kysely } from 'kysely';

// What follows an order: deliveries (prepared, shipped, delivered, late, returned) with the quantities they
// carry, invoices and credit notes (one table, `kind` tells them apart; amounts are positive either way) with
// their lines, payments against an invoice (partial payments allowed, never above what is due), and returns.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table deliveries (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      number text not null,
      order_id uuid not null,
      customer_id uuid not null,
      status text not null default 'prepared' check (status in ('prepared', 'shipped', 'delivered', 'late', 'returned')),
      carrier text,
      tracking_number text,
      address text,
      promised_on date,
      shipped_at timestamptz,
      delivered_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, order_id) references orders (workspace_id, id),
      foreign key (workspace_id, customer_id) references parties (workspace_id, id)
    )`.execute(db);
  await sql`create unique index deliveries_number_idx on deliveries (workspace_id, number)`.execute(db);
  await sql`create index deliveries_order_idx on deliveries (workspace_id, order_id)`.execute(db);
  await sql`create index deliveries_customer_idx on deliveries (workspace_id, customer_id)`.execute(db);
  await sql`
    create table delivery_lines (
      workspace_id uuid not null,
      delivery_id uuid not null,
      position integer not null,
      order_line_position integer not null,
      quantity numeric(12, 3) not null check (quantity > 0),
      primary key (workspace_id, delivery_id, position),
      foreign key (workspace_id, delivery_id) references deliveries (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table invoices (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      number text not null,
      kind text not null default 'invoice' check (kind in ('invoice', 'credit_note')),
      order_id uuid,
      customer_id uuid not null,
      credited_invoice_id uuid,
      status text not null default 'open' check (status in ('open', 'partially_paid', 'paid', 'cancelled')),
      issued_on date not null,
      due_on date not null,
      currency char(3) not null default 'EUR',
      total_excl_tax numeric(14, 2) not null check (total_excl_tax >= 0),
      tax_total numeric(14, 2) not null default 0,
      total_incl_tax numeric(14, 2) not null check (total_incl_tax >= 0),
      cost_total numeric(14, 2) not null default 0,
      amount_paid numeric(14, 2) not null default 0 check (amount_paid >= 0),
      paid_at timestamptz,
      reason text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, order_id) references orders (workspace_id, id),
      foreign key (workspace_id, customer_id) references parties (workspace_id, id),
      foreign key (workspace_id, credited_invoice_id) references invoices (workspace_id, id),
      check (amount_paid <= total_incl_tax),
      check (due_on >= issued_on)
    )`.execute(db);
  await sql`create unique index invoices_number_idx on invoices (workspace_id, number)`.execute(db);
  await sql`create index invoices_customer_idx on invoices (workspace_id, customer_id, issued_on desc)`.execute(db);
  await sql`create index invoices_order_idx on invoices (workspace_id, order_id) where order_id is not null`.execute(db);
  await sql`create index invoices_unpaid_idx on invoices (workspace_id, due_on) where status in ('open', 'partially_paid')`.execute(db);
  await sql`
    create table invoice_lines (
      workspace_id uuid not null,
      invoice_id uuid not null,
      position integer not null,
      product_id uuid,
      order_line_position integer,
      description text not null,
      quantity numeric(12, 3) not null check (quantity > 0),
      unit_price numeric(14, 2) not null check (unit_price >= 0),
      discount_percent numeric(5, 2) not null default 0,
      vat_rate numeric(5, 2) not null,
      line_total numeric(14, 2) not null,
      unit_cost numeric(14, 2) not null default 0,
      line_cost numeric(14, 2) not null default 0,
      primary key (workspace_id, invoice_id, position),
      foreign key (workspace_id, invoice_id) references invoices (workspace_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table payments (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      invoice_id uuid not null,
      customer_id uuid not null,
      amount numeric(14, 2) not null check (amount > 0),
      paid_at timestamptz not null,
      method text not null,
      reference text,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, invoice_id) references invoices (workspace_id, id),
      foreign key (workspace_id, customer_id) references parties (workspace_id, id)
    )`.execute(db);
  await sql`create index payments_invoice_idx on payments (workspace_id, invoice_id)`.execute(db);
  await sql`create index payments_customer_idx on payments (workspace_id, customer_id, paid_at desc)`.execute(db);
  await sql`
    create table returns (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      number text not null,
      order_id uuid not null,
      customer_id uuid not null,
      status text not null default 'requested' check (status in ('requested', 'received', 'refunded', 'rejected')),
      reason text not null,
      requested_at timestamptz not null,
      received_at timestamptz,
      credit_note_id uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, order_id) references orders (workspace_id, id),
      foreign key (workspace_id, customer_id) references parties (workspace_id, id),
      foreign key (workspace_id, credit_note_id) references invoices (workspace_id, id)
    )`.execute(db);
  await sql`create unique index returns_number_idx on returns (workspace_id, number)`.execute(db);
  await sql`create index returns_order_idx on returns (workspace_id, order_id)`.execute(db);
  await sql`create index returns_customer_idx on returns (workspace_id, customer_id)`.execute(db);
  await sql`
    create table return_lines (
      workspace_id uuid not null,
      return_id uuid not null,
      position integer not null,
      order_line_position integer not null,
      quantity numeric(12, 3) not null check (quantity > 0),
      condition text,
      primary key (workspace_id, return_id, position),
      foreign key (workspace_id, return_id) references returns (workspace_id, id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['return_lines', 'returns', 'payments', 'invoice_lines', 'invoices', 'delivery_lines', 'deliveries']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
