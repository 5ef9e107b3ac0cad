/** The privacy module's public face: the personal-data registry, retention, export and erasure. */
export { erasePerson } from './erasure.service';
export { purgeExpired } from './housekeeping';
export type { PersonalDataExport } from './personal-data.export';
export { collectPersonalData, personalDataHtml } from './personal-data.export';
export type { DataSubject, Erasure, PersonalDataEntry } from './personal-data.registry';
export {
  maskedPayloadSql,
  notPersonalColumns,
  personalDataRegistry,
  personalPayloadKeys,
  referenceDataTables,
  registryEntryOf,
  runRegistrySql,
} from './personal-data.registry';
export type { PrivacyAction } from './privacy.policy';
export { auditTrailReadFilter, can as privacyCan } from './privacy.policy';
export { privacyResolvers } from './privacy.resolver';
export { operatorDetails, processingRecord } from './privacy.service';
export type { RetentionResult, RetentionRule } from './retention';
export { applyRetention, retentionRules } from './retention';
