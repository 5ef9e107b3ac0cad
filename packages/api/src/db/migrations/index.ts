import type { MigrationInterface } from 'typeorm';
import { Extensions1764000000000 } from './1764000000000-Extensions';
import { Foundation1795671957852 } from './1795671957852-Foundation';
import { AuditAppendOnly1795671960000 } from './1795671960000-AuditAppendOnly';
import { NetworkMembership1795672240334 } from './1795672240334-NetworkMembership';
import { MunicipalitySearch1795672250000 } from './1795672250000-MunicipalitySearch';

type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first; scripts/generate-migration.ts appends generated ones. */
export const migrations: MigrationClass[] = [
  Extensions1764000000000,
  Foundation1795671957852,
  AuditAppendOnly1795671960000,
  NetworkMembership1795672240334,
  MunicipalitySearch1795672250000,
];
