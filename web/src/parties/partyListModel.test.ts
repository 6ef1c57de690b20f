import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activeFilterCount,
  clearFilters,
  countQueryString,
  differsFromView,
  formatCount,
  listQueryString,
  normaliseSearch,
  operatorsFor,
  parseCustomCondition,
  parsePartyListSearch,
  searchFromView,
  sortDirection,
  toggleSort,
  viewFromSearch,
  withCustomCondition,
  withoutCustomCondition,
} from './partyListModel.ts';
import { availableColumns, cellValue, DEFAULT_COLUMNS, moveColumn, toggleColumn, visibleColumns } from './partyColumns.ts';
import { formatDay, formatMoney, nameInitials, referenceLabel } from './partyFormat.ts';
import type { CustomField, PartySummary } from './partyTypes.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const VIEW = '33333333-3333-4333-8333-333333333333';

function field(key: string, type: CustomField['type'], extra: Partial<CustomField> = {}): CustomField {
  return {
    id: `id-${key}`,
    entity: 'person',
    key,
    label: key.toUpperCase(),
    type,
    options: [],
    purpose: 'test',
    sensitive: false,
    position: 0,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

test('the URL is read back keeping only what the API accepts', () => {
  const parsed = parsePartyListSearch({
    q: '  Dupont ',
    role: 'customer',
    ownerId: 'me',
    teamId: 'not-a-uuid',
    city: 'Lyon',
    postcode: 69003, // the router reads digits as a number
    departement: '2A',
    tag: 'salon',
    doNotContact: 'false',
    pcsGroup: 3,
    headcountBand: '11',
    nafSection: 'C',
    familySituation: 'married',
    custom: ['budget>=100', 'not a condition', 'size=M'],
    sort: '-createdAt',
    columns: ['displayName', 'custom.size', 'bad column!'],
    view: VIEW,
  });
  assert.deepEqual(parsed, {
    q: 'Dupont',
    city: 'Lyon',
    postcode: '69003',
    departement: '2A',
    tag: 'salon',
    role: 'customer',
    ownerId: 'me',
    doNotContact: false,
    pcsGroup: '3',
    familySituation: 'married',
    headcountBand: '11',
    nafSection: 'C',
    custom: ['budget>=100', 'size=M'],
    sort: '-createdAt',
    columns: ['displayName', 'custom.size'],
    view: VIEW,
  });
});

test('anything the API would refuse is dropped from the URL', () => {
  assert.deepEqual(
    parsePartyListSearch({
      q: ' ',
      role: 'king',
      ownerId: 'someone',
      departement: '1234',
      doNotContact: 'maybe',
      pcsGroup: '9',
      nafSection: 'Z',
      sort: 'password',
      custom: 'Budget=1',
      columns: 42,
      view: 'x',
    }),
    {},
  );
  assert.deepEqual(parsePartyListSearch({ custom: 'budget=1', columns: 'city' }), { custom: ['budget=1'], columns: ['city'] });
});

test('a search keeps out the default sort and the default columns', () => {
  const columns = [...DEFAULT_COLUMNS.person];
  assert.deepEqual(normaliseSearch({ sort: 'name', columns, role: 'lead' }, DEFAULT_COLUMNS.person), { role: 'lead' });
  assert.deepEqual(normaliseSearch({ sort: '-name', columns: ['displayName'] }, DEFAULT_COLUMNS.person), { sort: '-name', columns: ['displayName'] });
});

test('filters become the query string, "me" resolved, other kind\'s filters left out', () => {
  const search = {
    q: 'dupont',
    role: 'customer' as const,
    ownerId: 'me',
    pcsGroup: '3',
    headcountBand: '11',
    custom: ['budget>=100', 'vip=true'],
    sort: '-city' as const,
  };
  assert.equal(
    listQueryString('person', search, ME),
    `q=dupont&role=customer&ownerId=${ME}&pcsGroup=3&custom=budget%3E%3D100&custom=vip%3Dtrue&sort=-city&limit=100`,
  );
  assert.equal(countQueryString('organisation', search, ME), `q=dupont&role=customer&ownerId=${ME}&headcountBand=11&custom=budget%3E%3D100&custom=vip%3Dtrue`);
  assert.equal(listQueryString('person', {}, ME, 50), 'sort=name&limit=50');
  assert.equal(countQueryString('person', { ownerId: OTHER, doNotContact: false }, null), `ownerId=${OTHER}&doNotContact=false`);
  assert.equal(countQueryString('person', { ownerId: 'me' }, null), '', '"me" without a user filters nothing');
});

test('active filters are counted per kind, custom conditions one by one', () => {
  const search = { q: 'x', role: 'lead' as const, pcsGroup: '3', custom: ['a=1', 'b=2'] };
  assert.equal(activeFilterCount('person', search), 4);
  assert.equal(activeFilterCount('organisation', search), 3);
  assert.deepEqual(clearFilters({ ...search, sort: '-city', columns: ['email'], view: VIEW }), { sort: '-city', columns: ['email'] });
});

test('clicking a header sorts by it, clicking again flips it', () => {
  assert.equal(toggleSort('name', 'city'), 'city');
  assert.equal(toggleSort('city', 'city'), '-city');
  assert.equal(toggleSort('-city', 'city'), 'city');
  assert.equal(sortDirection('-createdAt', 'createdAt'), 'descending');
  assert.equal(sortDirection('name', 'name'), 'ascending');
  assert.equal(sortDirection('name', 'city'), null);
});

test('custom conditions: operators follow the type, one condition per field and operator', () => {
  assert.deepEqual(operatorsFor('money'), ['=', '>=', '<=']);
  assert.deepEqual(operatorsFor('date'), ['=', '>=', '<=']);
  assert.deepEqual(operatorsFor('choice'), ['=']);
  assert.deepEqual(parseCustomCondition('budget>=1500.5'), { key: 'budget', operator: '>=', value: '1500.5' });
  assert.deepEqual(parseCustomCondition('note=a=b'), { key: 'note', operator: '=', value: 'a=b' });
  assert.equal(parseCustomCondition('Budget=1'), null);

  let search = withCustomCondition({}, { key: 'budget', operator: '>=', value: '100' });
  search = withCustomCondition(search, { key: 'budget', operator: '<=', value: '900' });
  search = withCustomCondition(search, { key: 'budget', operator: '>=', value: '200' });
  assert.deepEqual(search.custom, ['budget<=900', 'budget>=200']);
  search = withoutCustomCondition(search, 'budget<=900');
  assert.deepEqual(search.custom, ['budget>=200']);
  assert.equal(withoutCustomCondition(search, 'budget>=200').custom, undefined);
});

test('a saved view keeps filters, sort and columns, and is applied back with its id', () => {
  const search = { role: 'customer' as const, city: 'Lyon', custom: ['vip=true'], sort: '-updatedAt' as const, columns: ['displayName', 'city'], view: VIEW };
  const saved = viewFromSearch(search);
  assert.deepEqual(saved, { columns: ['displayName', 'city'], sort: '-updatedAt', filters: { role: 'customer', city: 'Lyon', custom: ['vip=true'] } });
  const applied = searchFromView({ id: VIEW, ...saved });
  assert.deepEqual(applied, search);
  assert.equal(differsFromView(applied, { id: VIEW, ...saved }, DEFAULT_COLUMNS.person), false);
  assert.equal(differsFromView({ ...applied, city: 'Paris' }, { id: VIEW, ...saved }, DEFAULT_COLUMNS.person), true);
  // A view without columns shows the default ones; choosing exactly those is no change.
  const plain = { id: VIEW, columns: [], sort: null, filters: { role: 'lead' } };
  assert.equal(differsFromView({ role: 'lead', columns: [...DEFAULT_COLUMNS.person], view: VIEW }, plain, DEFAULT_COLUMNS.person), false);
  // Whatever a view holds goes through the same checks as the URL.
  assert.deepEqual(searchFromView({ id: VIEW, columns: [], sort: 'evil', filters: { role: 'king', city: 'Nantes' } }), { city: 'Nantes', view: VIEW });
});

test('counts read with the locale\'s grouping, and say when they are a lower bound', () => {
  assert.deepEqual(formatCount({ count: 12345, exact: true }, 'en'), { value: '12,345', atLeast: false });
  const fr = formatCount({ count: 100000, exact: false }, 'fr');
  assert.equal(fr.value.replace(/\s/g, ' '), '100 000');
  assert.equal(fr.atLeast, true);
});

test('default columns per kind, the name always first, custom fields by their key', () => {
  const fields = [field('size', 'choice', { position: 2 }), field('budget', 'money', { position: 1 }), field('old', 'text', { archivedAt: '2026-01-01T00:00:00Z' })];
  assert.deepEqual(
    visibleColumns('person', undefined, fields).map((c) => c.id),
    ['displayName', 'activeAlerts', 'customerNumber', 'email', 'phone', 'city', 'roles', 'owner', 'tags', 'metrics.revenue12m'],
  );
  assert.deepEqual(
    visibleColumns('organisation', undefined, []).map((c) => c.id),
    ['displayName', 'activeAlerts', 'customerNumber', 'siren', 'nafSection', 'headcountBand', 'city', 'roles', 'owner', 'metrics.revenue12m'],
  );
  // Unknown ids (archived field, other kind's column) are skipped; the name comes back first.
  assert.deepEqual(
    visibleColumns('person', ['custom.budget', 'siren', 'custom.old', 'city', 'displayName'], fields).map((c) => c.id),
    ['displayName', 'custom.budget', 'city'],
  );
  const available = availableColumns('person', fields);
  assert.deepEqual(available.slice(-2).map((c) => [c.id, c.type, c.label]), [
    ['custom.budget', 'money', 'BUDGET'],
    ['custom.size', 'choice', 'SIZE'],
  ]);
  assert.ok(available.some((c) => c.id === 'pcsGroup') && !available.some((c) => c.id === 'siren'));
  assert.equal(available.find((c) => c.id === 'createdAt')?.sort, 'createdAt');
});

test('columns are shown, hidden and moved, the name staying first', () => {
  assert.deepEqual(toggleColumn('person', ['displayName', 'city'], 'age'), ['displayName', 'city', 'age']);
  assert.deepEqual(toggleColumn('person', ['displayName', 'city', 'age'], 'city'), ['displayName', 'age']);
  assert.deepEqual(toggleColumn('person', ['displayName'], 'displayName'), ['displayName']);
  assert.deepEqual(toggleColumn('person', undefined, 'tags'), ['displayName', 'activeAlerts', 'customerNumber', 'email', 'phone', 'city', 'roles', 'owner', 'metrics.revenue12m']);
  assert.deepEqual(moveColumn('person', ['displayName', 'a', 'b'], 'b', -1), ['displayName', 'b', 'a']);
  assert.deepEqual(moveColumn('person', ['displayName', 'a', 'b'], 'a', -1), ['displayName', 'a', 'b']);
  assert.deepEqual(moveColumn('person', ['displayName', 'a', 'b'], 'b', 1), ['displayName', 'a', 'b']);
});

test('cells read summary fields and custom values', () => {
  const row = { displayName: 'Ada', city: 'Lyon', custom: { budget: 1200 } } as unknown as PartySummary;
  assert.equal(cellValue(row, 'city'), 'Lyon');
  assert.equal(cellValue(row, 'custom.budget'), 1200);
  assert.equal(cellValue(row, 'custom.none'), undefined);
  // Purchase metrics arrive as decimal strings and are read as numbers for money cells; no history reads as empty.
  const buyer = { metrics: { revenue12m: '1234.50', orderCount: 3, lastPurchaseAt: '2026-03-12T10:00:00.000Z' } } as unknown as PartySummary;
  assert.equal(cellValue(buyer, 'metrics.revenue12m'), 1234.5);
  assert.equal(cellValue(buyer, 'metrics.orderCount'), 3);
  assert.equal(cellValue(buyer, 'metrics.lastPurchaseAt'), '2026-03-12T10:00:00.000Z');
  assert.equal(cellValue({ metrics: null } as unknown as PartySummary, 'metrics.revenue12m'), null);
});

test('values read in the interface language', () => {
  assert.equal(formatMoney(1234.5, 'en'), '€1,234.50');
  assert.equal(formatMoney(1234.5, 'fr').replace(/\s/g, ' '), '1 234,50 €');
  assert.equal(formatDay('2026-03-12', 'fr'), '12 mars 2026');
  assert.equal(formatDay('2026-03-12', 'en'), 'Mar 12, 2026');
  assert.equal(formatDay('someday', 'en'), 'someday');
  assert.equal(referenceLabel('headcountBand', '11', 'fr'), '10 à 19 salariés');
  assert.equal(referenceLabel('pcsGroup', '5', 'en'), 'Clerical, sales and service employees');
  assert.equal(referenceLabel('nafSection', 'J', 'en'), 'J · Information and communication');
  assert.equal(referenceLabel('departement', '69', 'fr'), '69 · Rhône');
  assert.equal(referenceLabel('region', '84', 'fr'), 'Auvergne-Rhône-Alpes');
  assert.equal(referenceLabel('familySituation', 'unknown', 'fr'), 'unknown');
  assert.equal(nameInitials('Jean-Paul Belmondo'), 'JB');
  assert.equal(nameInitials('  '), '');
});
