/**
 * The one place that reads the environment. Every setting Rapport understands is declared here with its
 * default and its meaning; the README's table is checked against this list by a test.
 */
import path from 'node:path';

export interface Setting {
  name: string;
  default: string;
  description: string;
}

export const SETTINGS = [
  { name: 'PORT', default: '3000', description: 'HTTP port of the web app and API.' },
  { name: 'HOST', default: '0.0.0.0', description: 'Address the server listens on.' },
  {
    name: 'DATABASE_URL',
    default: '',
    description: 'postgres://… URL of a PostgreSQL server. Empty: the embedded PGlite database in RAPPORT_DATA_DIR.',
  },
  { name: 'DATABASE_POOL_SIZE', default: '10', description: 'Connections in the PostgreSQL pool (server mode only).' },
  { name: 'RAPPORT_DATA_DIR', default: './data', description: 'Folder of the embedded database and stored files.' },
  {
    name: 'RAPPORT_ADMIN_EMAIL',
    default: 'admin@rapport.local',
    description: 'Email of the admin account created on first start with an empty database.',
  },
  {
    name: 'RAPPORT_ADMIN_PASSWORD',
    default: '',
    description: 'Password of that first admin. Empty: a random one is generated and printed once.',
  },
  { name: 'RAPPORT_WORKSPACE_NAME', default: 'Rapport', description: 'Name of the workspace created on first start.' },
  {
    name: 'RAPPORT_JOBS',
    default: 'inline',
    description: '`inline`: `rapport serve` runs the job runner in-process; `off`: leave jobs to `rapport worker`.',
  },
  {
    name: 'RAPPORT_AUTH_CACHE_SECONDS',
    default: '5',
    description:
      'How long a process remembers resolved sessions and tokens. Changes made through Rapport apply at once in that process; other processes on the same PostgreSQL see them within this delay. 0 turns the memory off.',
  },
  { name: 'RAPPORT_SESSION_DAYS', default: '14', description: 'Lifetime of a login session, in days.' },
  {
    name: 'RAPPORT_SECURE_COOKIES',
    default: 'auto',
    description: 'Mark cookies Secure: `true` always (behind an HTTPS proxy), `false` never, `auto` when the request came over HTTPS.',
  },
  {
    name: 'RAPPORT_LOGIN_RATE_LIMIT',
    default: '10',
    description: 'Login attempts allowed per minute for one address and email.',
  },
  { name: 'RAPPORT_BODY_LIMIT', default: '1048576', description: 'Largest JSON request body accepted, in bytes.' },
  {
    name: 'RAPPORT_USER_PASSWORD',
    default: '',
    description: 'Password for `rapport user create` when no terminal can prompt for it (scripts, containers).',
  },
  {
    name: 'RAPPORT_ATTACHMENTS_STORE',
    default: 'disk',
    description: 'Where attached files are kept: `disk` (in RAPPORT_DATA_DIR/attachments) or `s3` (a bucket of any S3-compatible service, set below).',
  },
  { name: 'RAPPORT_ATTACHMENT_MAX_BYTES', default: '20971520', description: 'Largest attached file accepted, in bytes (20 MiB by default).' },
  {
    name: 'RAPPORT_IMPORT_MAX_BYTES',
    default: '5368709120',
    description: 'Largest file accepted for an import through the web app or API, in bytes (5 GiB by default); `rapport import` reads files in place, whatever their size.',
  },
  {
    name: 'RAPPORT_S3_ENDPOINT',
    default: '',
    description: 'With `s3`: URL of the service, such as https://s3.fr-par.scw.cloud; objects are addressed path-style (endpoint/bucket/key).',
  },
  { name: 'RAPPORT_S3_BUCKET', default: '', description: 'With `s3`: the bucket holding the files.' },
  { name: 'RAPPORT_S3_REGION', default: 'us-east-1', description: 'With `s3`: the region the requests are signed for.' },
  { name: 'RAPPORT_S3_ACCESS_KEY_ID', default: '', description: 'With `s3`: the access key id.' },
  { name: 'RAPPORT_S3_SECRET_ACCESS_KEY', default: '', description: 'With `s3`: the secret access key.' },
  { name: 'LOG_LEVEL', default: 'info', description: 'pino log level: fatal, error, warn, info, debug, trace, silent.' },
  { name: 'NODE_ENV', default: 'production', description: '`development` serves the web app through Vite with hot reload.' },
] as const satisfies readonly Setting[];

type SettingName = (typeof SETTINGS)[number]['name'];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  poolSize: number;
  dataDir: string;
  adminEmail: string;
  adminPassword: string | null;
  workspaceName: string;
  jobs: 'inline' | 'off';
  sessionDays: number;
  authCacheSeconds: number;
  secureCookies: 'true' | 'false' | 'auto';
  loginRateLimit: number;
  bodyLimit: number;
  logLevel: string;
  development: boolean;
  attachments: AttachmentSettings;
  /** Largest uploaded import file, in bytes. */
  importMaxBytes: number;
}

/** Where attached files go and how large they may be. */
export interface AttachmentSettings {
  store: 'disk' | 's3';
  maxBytes: number;
  /** Set when `store` is `s3`. */
  s3: S3Settings | null;
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class ConfigError extends Error {}

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function nonNegativeNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a number of seconds, 0 or more, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function attachmentSettings(get: (name: SettingName) => string): AttachmentSettings {
  const store = oneOf('RAPPORT_ATTACHMENTS_STORE', get('RAPPORT_ATTACHMENTS_STORE'), ['disk', 's3'] as const);
  const maxBytes = positiveInt('RAPPORT_ATTACHMENT_MAX_BYTES', get('RAPPORT_ATTACHMENT_MAX_BYTES'));
  if (store === 'disk') return { store, maxBytes, s3: null };
  const s3: S3Settings = {
    endpoint: get('RAPPORT_S3_ENDPOINT').replace(/\/+$/, ''),
    bucket: get('RAPPORT_S3_BUCKET'),
    region: get('RAPPORT_S3_REGION'),
    accessKeyId: get('RAPPORT_S3_ACCESS_KEY_ID'),
    secretAccessKey: get('RAPPORT_S3_SECRET_ACCESS_KEY'),
  };
  if (!/^https?:\/\/[^/]/.test(s3.endpoint)) throw new ConfigError('RAPPORT_S3_ENDPOINT must be an http:// or https:// URL when RAPPORT_ATTACHMENTS_STORE is s3');
  for (const [name, value] of [
    ['RAPPORT_S3_BUCKET', s3.bucket],
    ['RAPPORT_S3_ACCESS_KEY_ID', s3.accessKeyId],
    ['RAPPORT_S3_SECRET_ACCESS_KEY', s3.secretAccessKey],
  ] as const) {
    if (!value) throw new ConfigError(`${name} must be set when RAPPORT_ATTACHMENTS_STORE is s3`);
  }
  return { store, maxBytes, s3 };
}

/** Reads and validates the settings once; `overrides` lets tests and the CLI set values without touching the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const get = (name: SettingName): string => {
    const declared = SETTINGS.find((s) => s.name === name)!;
    const raw = env[name];
    return raw === undefined || raw === '' ? declared.default : raw;
  };
  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const config: Config = {
    port: positiveInt('PORT', get('PORT')),
    host: get('HOST'),
    databaseUrl: databaseUrl || null,
    poolSize: positiveInt('DATABASE_POOL_SIZE', get('DATABASE_POOL_SIZE')),
    dataDir: path.resolve(get('RAPPORT_DATA_DIR')),
    adminEmail: get('RAPPORT_ADMIN_EMAIL').trim().toLowerCase(),
    adminPassword: get('RAPPORT_ADMIN_PASSWORD') || null,
    workspaceName: get('RAPPORT_WORKSPACE_NAME'),
    jobs: oneOf('RAPPORT_JOBS', get('RAPPORT_JOBS'), ['inline', 'off'] as const),
    sessionDays: positiveInt('RAPPORT_SESSION_DAYS', get('RAPPORT_SESSION_DAYS')),
    authCacheSeconds: nonNegativeNumber('RAPPORT_AUTH_CACHE_SECONDS', get('RAPPORT_AUTH_CACHE_SECONDS')),
    secureCookies: oneOf('RAPPORT_SECURE_COOKIES', get('RAPPORT_SECURE_COOKIES'), ['true', 'false', 'auto'] as const),
    loginRateLimit: positiveInt('RAPPORT_LOGIN_RATE_LIMIT', get('RAPPORT_LOGIN_RATE_LIMIT')),
    bodyLimit: positiveInt('RAPPORT_BODY_LIMIT', get('RAPPORT_BODY_LIMIT')),
    logLevel: oneOf('LOG_LEVEL', get('LOG_LEVEL'), ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    development: get('NODE_ENV') === 'development',
    attachments: attachmentSettings(get),
    importMaxBytes: positiveInt('RAPPORT_IMPORT_MAX_BYTES', get('RAPPORT_IMPORT_MAX_BYTES')),
  };
  return { ...config, ...overrides };
}
