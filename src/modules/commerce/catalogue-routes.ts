/**
 * /api/catalogue: categories and products. Everyone who reads customers reads the catalogue (to sell from it);
 * changing it takes `catalogue:manage`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireAuth } from '../../platform/http/access.ts';
import { ERROR_RESPONSES, IdParams, NonBlankString, Page, StringEnum } from '../../platform/http/schemas.ts';
import { PageQuery, SortQuery } from '../../platform/http/pagination.ts';
import { PRODUCT_KINDS } from '../../shared/commerce/commerce-reference.ts';
import {
  createCategory,
  createProduct,
  deleteCategory,
  getProduct,
  listCategories,
  listProducts,
  PRODUCT_SORT_COLUMNS,
  removeProduct,
  renameCategory,
  updateProduct,
} from './catalogue-service.ts';
import { CategoryOut, presentCategory, presentProduct, ProductOut } from './catalogue-presenter.ts';
import { DecimalIn } from './order-schemas.ts';

const ProductFields = {
  sku: NonBlankString(64),
  name: NonBlankString(200),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  kind: Type.Optional(StringEnum(PRODUCT_KINDS)),
  categoryId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  unitPrice: DecimalIn('Unit price excluding tax, at least 0, 2 decimals'),
  unitCost: Type.Optional(DecimalIn('Unit cost, at least 0, 2 decimals; 0 by default')),
  currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217 code in capitals; EUR by default' })),
  vatRate: Type.Optional(DecimalIn('VAT rate in percent (20 by default)')),
  active: Type.Optional(Type.Boolean()),
};

const ProductCreate = Type.Object(ProductFields, {
  additionalProperties: false,
  examples: [{ sku: 'CAF-001', name: 'Café en grains 1 kg', kind: 'product', unitPrice: '24.90', unitCost: '11.20', currency: 'EUR', vatRate: '5.50' }],
});

const ProductUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    sku: Type.Optional(ProductFields.sku),
    name: Type.Optional(ProductFields.name),
    description: ProductFields.description,
    kind: ProductFields.kind,
    categoryId: ProductFields.categoryId,
    unitPrice: Type.Optional(ProductFields.unitPrice),
    unitCost: ProductFields.unitCost,
    currency: ProductFields.currency,
    vatRate: ProductFields.vatRate,
    active: ProductFields.active,
  },
  { additionalProperties: false, minProperties: 2, examples: [{ version: 1, unitPrice: '26.50' }] },
);

const CategoryCreate = Type.Object(
  { name: NonBlankString(120), parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])) },
  { additionalProperties: false, examples: [{ name: 'Boissons' }] },
);
const CategoryRename = Type.Object({ name: NonBlankString(120) }, { additionalProperties: false, examples: [{ name: 'Boissons chaudes' }] });

const SORT_FIELDS = Object.keys(PRODUCT_SORT_COLUMNS) as (keyof typeof PRODUCT_SORT_COLUMNS)[];

export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/catalogue/categories',
    {
      config: { access: 'customers:read' },
      schema: { tags: ['catalogue'], summary: 'Product categories, with how many products each holds', response: { 200: Type.Object({ data: Type.Array(CategoryOut) }), ...ERROR_RESPONSES } },
    },
    async (request) => ({ data: (await listCategories(requireAuth(request).ctx)).map(presentCategory) }),
  );

  app.post(
    '/api/catalogue/categories',
    {
      config: { access: 'catalogue:manage' },
      schema: { tags: ['catalogue'], summary: 'Create a category', body: CategoryCreate, response: { 201: CategoryOut, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      reply.status(201);
      return presentCategory(await createCategory(requireAuth(request).ctx, request.body));
    },
  );

  app.patch(
    '/api/catalogue/categories/:id',
    {
      config: { access: 'catalogue:manage', resource: 'product_category' },
      schema: { tags: ['catalogue'], summary: 'Rename a category', params: IdParams, body: CategoryRename, response: { 200: CategoryOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentCategory(await renameCategory(requireAuth(request).ctx, request.params.id, request.body.name)),
  );

  app.delete(
    '/api/catalogue/categories/:id',
    {
      config: { access: 'catalogue:manage', resource: 'product_category' },
      schema: {
        tags: ['catalogue'],
        summary: 'Delete a category no product or sub-category uses (409 otherwise)',
        params: IdParams,
        response: { 204: Type.Null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await deleteCategory(requireAuth(request).ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/catalogue/products',
    {
      config: { access: 'customers:read' },
      schema: {
        tags: ['catalogue'],
        summary: 'Products and services; q finds part of the SKU or name',
        querystring: Type.Object(
          {
            ...PageQuery,
            sort: SortQuery(SORT_FIELDS, 'name'),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            categoryId: Type.Optional(Type.String({ format: 'uuid' })),
            active: Type.Optional(Type.Boolean()),
            kind: Type.Optional(StringEnum(PRODUCT_KINDS)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(ProductOut), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listProducts(requireAuth(request).ctx, request.query);
      return { data: page.data.map(presentProduct), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/catalogue/products/:id',
    {
      config: { access: 'customers:read', resource: 'product' },
      schema: { tags: ['catalogue'], summary: 'One product', params: IdParams, response: { 200: ProductOut, ...ERROR_RESPONSES } },
    },
    async (request) => presentProduct(await getProduct(requireAuth(request).ctx, request.params.id)),
  );

  app.post(
    '/api/catalogue/products',
    {
      config: { access: 'catalogue:manage' },
      schema: {
        tags: ['catalogue'],
        summary: 'Create a product or service (409 when the SKU is taken)',
        body: ProductCreate,
        response: { 201: ProductOut, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return presentProduct(await createProduct(requireAuth(request).ctx, request.body));
    },
  );

  app.patch(
    '/api/catalogue/products/:id',
    {
      config: { access: 'catalogue:manage', resource: 'product' },
      schema: {
        tags: ['catalogue'],
        summary: 'Change a product read at `version` (409 version_conflict with the current one when stale)',
        params: IdParams,
        body: ProductUpdate,
        response: { 200: ProductOut, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentProduct(await updateProduct(requireAuth(request).ctx, request.params.id, request.body, presentProduct)),
  );

  app.delete(
    '/api/catalogue/products/:id',
    {
      config: { access: 'catalogue:manage', resource: 'product' },
      schema: {
        tags: ['catalogue'],
        summary: 'Delete a product never quoted or sold; archive it (inactive) otherwise',
        params: IdParams,
        response: {
          200: Type.Object({ outcome: StringEnum(['deleted', 'archived'] as const), product: Type.Union([ProductOut, Type.Null()]) }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request) => {
      const { outcome, product } = await removeProduct(requireAuth(request).ctx, request.params.id);
      return { outcome, product: product ? presentProduct(product) : null };
    },
  );
};
