import { sql, type Kysely } from 'kysely';

// The catalogue (products and services with categories, unit price and unit cost, so that gross margin is
// known), quotes and orders with their lines. Document numbers come from one counter row per workspace, kind and
// year, taken inside the creating transaction like customer numbers. Amounts are numeric (exact), excluding tax
// unless the column says otherwise; a line keeps the price and cost it was sold at.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table document_counters (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      kind text not null,
      year integer not null,
      last_sequence bigint not null default 0,
      primary key (workspace_id, kind, year)
    )`.execute(db);
  await sql`
    create table product_categories (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      name text not null,
      parent_id uuid,
      created_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, parent_id) references product_categories (workspace_id, id)
    )`.execute(db);
  await sql`create unique index product_categories_name_idx on product_categories (workspace_id, lower(name))`.execute(db);
  await sql`
    create table products (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      sku text not null,
      name text not null,
      description text,
      kind text not null default 'product' check (kind in ('product', 'service')),
      category_id uuid,
      unit_price numeric(14, 2) not null check (unit_price >= 0),
      unit_cost numeric(14, 2) not null default 0 check (unit_cost >= 0),
      currency char(3) not null default 'EUR',
      vat_rate numeric(5, 2) not null default 20 check (vat_rate >= 0 and vat_rate < 100),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, category_id) references product_categories (workspace_id, id)
    )`.execute(db);
  await sql`create unique index products_sku_idx on products (workspace_id, sku)`.execute(db);
  await sql`create index products_category_idx on products (workspace_id, category_id)`.execute(db);
  await sql`
    create table quotes (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      number text not null,
      customer_id uuid not null,
      contact_id uuid,
      status text not null default 'draft' check (status in ('draft', 'sent', 'accepted', 'declined', 'expired')),
      issued_on date not null,
      valid_until date not null,
      channel text not null,
      currency char(3) not null default 'EUR',
      subtotal numeric(14, 2) not null default 0,
      discount_total numeric(14, 2) not null default 0,
      total_excl_tax numeric(14, 2) not null default 0,
      tax_total numeric(14, 2) not null default 0,
      total_incl_tax numeric(14, 2) not null default 0,
      cost_total numeric(14, 2) not null default 0,
      notes text,
      order_id uuid,
      owner_id uuid,
      created_by uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, customer_id) references parties (workspace_id, id),
      foreign key (workspace_id, contact_id) references parties (workspace_id, id)
    )`.execute(db);
  await sql`create unique index quotes_number_idx on quotes (workspace_id, number)`.execute(db);
  await sql`create index quotes_customer_idx on quotes (workspace_id, customer_id, issued_on desc)`.execute(db);
  await sql`
    create table orders (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      number text not null,
      customer_id uuid not null,
      contact_id uuid,
      quote_id uuid,
      status text not null default 'confirmed' check (status in ('confirmed', 'in_preparation', 'shipped', 'delivered', 'completed', 'cancelled')),
      ordered_at timestamptz not null,
      channel text not null check (channel in ('store', 'web', 'phone', 'sales_rep', 'email', 'marketplace', 'event')),
      currency char(3) not null default 'EUR',
      on_promotion boolean not null default false,
      promo_code text,
      subtotal numeric(14, 2) not null default 0,
      discount_total numeric(14, 2) not null default 0,
      total_excl_tax numeric(14, 2) not null default 0,
      tax_total numeric(14, 2) not null default 0,
      total_incl_tax numeric(14, 2) not null default 0,
      cost_total numeric(14, 2) not null default 0,
      margin numeric(14, 2) generated always as (total_excl_tax - cost_total) stored,
      notes text,
      owner_id uuid,
      created_by uuid,
      cancelled_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, id),
      foreign key (workspace_id, customer_id) references parties (workspace_id, id),
      foreign key (workspace_id, contact_id) references parties (workspace_id, id),
      foreign key (workspace_id, quote_id) references quotes (workspace_id, id)
    )`.execute(db);
  await sql`create unique index orders_number_idx on orders (workspace_id, number)`.execute(db);
  await sql`create index orders_customer_idx on orders (workspace_id, customer_id, ordered_at desc)`.execute(db);
  await sql`create index orders_ordered_idx on orders (workspace_id, ordered_at desc, id desc)`.execute(db);
  await sql`create index orders_status_idx on orders (workspace_id, status, ordered_at desc)`.execute(db);
  // Quote and order lines share one shape: the product, what was sold and at what price and cost.
  for (const [table, parent] of [
    ['quote_lines', 'quotes'],
    ['order_lines', 'orders'],
  ] as const) {
    const owner = parent === 'quotes' ? 'quote_id' : 'order_id';
    await sql`
      create table ${sql.table(table)} (
        workspace_id uuid not null,
        ${sql.ref(owner)} uuid not null,
        position integer not null,
        product_id uuid not null,
        description text not null,
        quantity numeric(12, 3) not null check (quantity > 0),
        unit_price numeric(14, 2) not null check (unit_price >= 0),
        discount_percent numeric(5, 2) not null default 0 check (discount_percent >= 0 and discount_percent <= 100),
        vat_rate numeric(5, 2) not null,
        line_total numeric(14, 2) not null,
        unit_cost numeric(14, 2) not null default 0,
        line_cost numeric(14, 2) not null default 0,
        primary key (workspace_id, ${sql.ref(owner)}, position),
        foreign key (workspace_id, ${sql.ref(owner)}) references ${sql.table(parent)} (workspace_id, id) on delete cascade,
        foreign key (workspace_id, product_id) references products (workspace_id, id)
      )`.execute(db);
  }
  await sql`create index order_lines_product_idx on order_lines (workspace_id, product_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['order_lines', 'quote_lines', 'orders', 'quotes', 'products', 'product_categories', 'document_counters']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
