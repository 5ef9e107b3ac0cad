import path from 'node:path';
import type { RequestBudget } from './graphql/request-budget';
import { DEFAULT_REQUEST_BUDGET } from './graphql/request-budget';

/** Settings read from the environment; README.md lists them with their defaults. */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when unset an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** A streaming replica of that PostgreSQL for the reads of GraphQL queries (README, "Read replica"). */
  databaseReplicaUrl: string | undefined;
  /** The replica is not used while it is further behind than this. */
  replicaMaxLagSeconds: number;
  dataDir: string;
  embeddedPostgresPort: number;
  /** Load the demo network into an empty database. */
  demo: boolean;
  /** Public base URL used in e-mail links. */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  production: boolean;
  /** Secure cookies (behind HTTPS). */
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDist: string;
  database: DatabaseLimits;
  /** Time and response size one GraphQL request may take. */
  requestBudget: RequestBudget;
  /**
   * The run of the same query text from which it runs compiled (graphql/compiled-execution.ts):
   * 2 (a text seen once is not compiled); the tests use 1, so that the suite runs compiled queries.
   */
  compileQueriesFromRun: number;
  /** How long an answer to a signed-out visitor's query is served from memory at most (0: never); writes clear it at once. */
  anonymousCacheSeconds: number;
  /**
   * How long the page of /markt or /projekte waits at most for the answers it carries
   * (server/first-view.ts); 0 serves the plain page. Read per request.
   */
  firstViewWaitMs: number;
  /** How long kinds of data are kept (see modules/privacy/retention.ts). */
  retention: RetentionSettings;
  /** Who runs this hub, for the imprint and the privacy notice; empty until the operator fills it in. */
  operator: OperatorSettings;
}

/** Retention periods an operator may set; the rest of the rules are fixed (README, "Data protection"). */
export interface RetentionSettings {
  /** Audit and domain events are deleted this many years after they were written. */
  auditYears: number;
  /** Delivered e-mails are deleted this many days after they were sent. */
  deliveredMailDays: number;
  /** E-mails that were never delivered are deleted this many days after they were queued. */
  undeliveredMailDays: number;
  /** Read notifications (no e-mail still due) are deleted this many days after they were read. */
  readNotificationDays: number;
}

/** The operator's details (Impressum, § 5 DDG; controller in the privacy notice, Art. 13 DSGVO). */
export interface OperatorSettings {
  name: string;
  address: string;
  representative: string;
  email: string;
  phone: string;
  register: string;
  vatId: string;
  dataProtectionOfficer: string;
  supervisoryAuthority: string;
}

export const DEFAULT_RETENTION: RetentionSettings = {
  auditYears: 5,
  deliveredMailDays: 30,
  undeliveredMailDays: 90,
  readNotificationDays: 180,
};

const operatorVariables: Record<keyof OperatorSettings, string> = {
  name: 'OPERATOR_NAME',
  address: 'OPERATOR_ADDRESS',
  representative: 'OPERATOR_REPRESENTATIVE',
  email: 'OPERATOR_EMAIL',
  phone: 'OPERATOR_PHONE',
  register: 'OPERATOR_REGISTER',
  vatId: 'OPERATOR_VAT_ID',
  dataProtectionOfficer: 'OPERATOR_DPO',
  supervisoryAuthority: 'OPERATOR_SUPERVISORY_AUTHORITY',
};

/** The operator settings from the environment; every field empty unless set. */
export function loadOperator(env: NodeJS.ProcessEnv): OperatorSettings {
  return Object.fromEntries(
    Object.entries(operatorVariables).map(([field, variable]) => [field, (env[variable] ?? '').trim()]),
  ) as unknown as OperatorSettings;
}

/** The variable that sets an operator field, for the warning that names what is missing. */
export const operatorVariableOf = (field: keyof OperatorSettings): string => operatorVariables[field];

/** How long the API waits for PostgreSQL before giving up, so that a stuck query cannot hang it. */
export interface DatabaseLimits {
  poolSize: number;
  /** Waiting for a free pool connection (or a new one) longer than this fails the request. */
  acquireTimeoutMs: number;
  /** PostgreSQL cancels a single statement that runs longer. */
  statementTimeoutMs: number;
  /** PostgreSQL ends a session that sits idle inside an open transaction longer. */
  idleInTransactionTimeoutMs: number;
  /** /readyz answers 503 when the database does not answer within this time. */
  readinessTimeoutMs: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  poolSize: 10,
  acquireTimeoutMs: 10_000,
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 30_000,
  readinessTimeoutMs: 1500,
};

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number of seconds, got "${value}"`);
  return parsed;
}

function milliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number of milliseconds, got "${value}"`);
  return parsed;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${name} must be a port number, got "${value}"`);
  }
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer('PORT', env.PORT, 4000);
  const root = path.resolve(__dirname, '..', '..', '..');
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    replicaMaxLagSeconds: positive(
      'DATABASE_REPLICA_MAX_LAG_SECONDS',
      env.DATABASE_REPLICA_MAX_LAG_SECONDS,
      30,
    ),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(root, '.data')),
    embeddedPostgresPort: integer('EMBEDDED_PG_PORT', env.EMBEDDED_PG_PORT, 54329),
    demo: flag(env.DEMO, true),
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Digitale Städte RLP <hub@localhost>',
    production: env.NODE_ENV === 'production',
    secureCookies: flag(env.SECURE_COOKIES, publicUrl.startsWith('https://')),
    trustProxy: flag(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.WEB_DIST ?? path.join(root, 'packages', 'web', 'dist')),
    database: {
      poolSize: positive('DB_POOL_SIZE', env.DB_POOL_SIZE, DEFAULT_DATABASE_LIMITS.poolSize),
      acquireTimeoutMs: positive(
        'DB_ACQUIRE_TIMEOUT_MS',
        env.DB_ACQUIRE_TIMEOUT_MS,
        DEFAULT_DATABASE_LIMITS.acquireTimeoutMs,
      ),
      statementTimeoutMs: positive(
        'DB_STATEMENT_TIMEOUT_MS',
        env.DB_STATEMENT_TIMEOUT_MS,
        DEFAULT_DATABASE_LIMITS.statementTimeoutMs,
      ),
      idleInTransactionTimeoutMs: positive(
        'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        DEFAULT_DATABASE_LIMITS.idleInTransactionTimeoutMs,
      ),
      readinessTimeoutMs: positive(
        'READINESS_TIMEOUT_MS',
        env.READINESS_TIMEOUT_MS,
        DEFAULT_DATABASE_LIMITS.readinessTimeoutMs,
      ),
    },
    requestBudget: DEFAULT_REQUEST_BUDGET,
    compileQueriesFromRun: 2,
    anonymousCacheSeconds: seconds('ANONYMOUS_CACHE_SECONDS', env.ANONYMOUS_CACHE_SECONDS, 60),
    // A first visit loads the scripts for 100–300 ms, a return visit has them at hand: answers that
    // take longer would delay the page more than its own request does.
    firstViewWaitMs: milliseconds('FIRST_VIEW_WAIT_MS', env.FIRST_VIEW_WAIT_MS, 400),
    retention: {
      auditYears: positive('AUDIT_RETENTION_YEARS', env.AUDIT_RETENTION_YEARS, DEFAULT_RETENTION.auditYears),
      deliveredMailDays: positive(
        'MAIL_RETENTION_DAYS',
        env.MAIL_RETENTION_DAYS,
        DEFAULT_RETENTION.deliveredMailDays,
      ),
      undeliveredMailDays: positive(
        'UNDELIVERED_MAIL_RETENTION_DAYS',
        env.UNDELIVERED_MAIL_RETENTION_DAYS,
        DEFAULT_RETENTION.undeliveredMailDays,
      ),
      readNotificationDays: positive(
        'READ_NOTIFICATION_RETENTION_DAYS',
        env.READ_NOTIFICATION_RETENTION_DAYS,
        DEFAULT_RETENTION.readNotificationDays,
      ),
    },
    operator: loadOperator(env),
  };
}
