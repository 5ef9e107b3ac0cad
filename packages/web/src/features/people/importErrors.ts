import { officerImport } from '@hub/shared';
import type { PlainMessageKey, Translate } from '../../i18n';

interface ImportError {
  field: string | null;
  code: string;
  message: string;
}

const columnLabel: Record<string, PlainMessageKey> = {
  name: 'people.name',
  email: 'field.email',
  municipality: 'people.municipality',
  position: 'people.profile.position',
  phone: 'people.profile.phone',
  locale: 'people.profile.locale',
};

/** A problem of the CSV import in the viewer's language; unknown codes show the server's message. */
export function importErrorMessage(t: Translate, error: ImportError): string {
  const column = error.field && columnLabel[error.field] ? t(columnLabel[error.field]) : (error.field ?? '');
  switch (error.code) {
    case 'REQUIRED':
      return t('people.importError.REQUIRED', { column });
    case 'TOO_LONG':
      return t('people.importError.TOO_LONG', { column });
    case 'INVALID_EMAIL':
      return t('people.importError.INVALID_EMAIL');
    case 'EMAIL_TAKEN':
      return t('people.importError.EMAIL_TAKEN');
    case 'DUPLICATE_EMAIL':
      return t('people.importError.DUPLICATE_EMAIL');
    case 'INVALID_LOCALE':
      return t('people.importError.INVALID_LOCALE');
    case 'MUNICIPALITY_UNKNOWN':
      return t('people.importError.MUNICIPALITY_UNKNOWN');
    case 'MUNICIPALITY_AMBIGUOUS':
      return t('people.importError.MUNICIPALITY_AMBIGUOUS');
    case 'CSV_ENCODING':
      return t('people.importError.CSV_ENCODING');
    case 'CSV_COLUMNS':
      return t('people.importError.CSV_COLUMNS', { detail: error.message });
    case 'CSV_MALFORMED':
      return t('people.importError.CSV_MALFORMED');
    case 'CSV_EMPTY':
      return t('people.importError.CSV_EMPTY');
    case 'CSV_TOO_LARGE':
      return t('people.importError.CSV_TOO_LARGE', { max: officerImport.maxRows });
    case 'ROWS_INVALID':
      return t('people.importError.ROWS_INVALID');
    default:
      return error.message;
  }
}
