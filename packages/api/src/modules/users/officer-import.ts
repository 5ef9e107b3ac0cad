import type { OfficerImportColumn } from '@hub/shared';
import { Locale, limits, officerImport, Role } from '@hub/shared';
import { isEmail } from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
import { type ExportTable, toCsv } from '../../exports/spreadsheet';
import type { Context } from '../../graphql/context';
import { toGlobalId } from '../../graphql/relay';
import type { UserError, UserErrorCodeValue } from '../../graphql/user-error';
import { UserErrors, userError } from '../../graphql/user-error';
import { Municipality } from '../municipalities';
import { accountSecurity, type InvitationRequest } from './account-security';
import { User } from './user.entity';
import { OfficerImportRow } from './user.inputs';

type Cells = Partial<Record<OfficerImportColumn, string>>;

interface ParsedFile {
  rows: { line: number; cells: Cells }[];
  errors: UserError[];
}

/** The import's columns under their German headings (which the parser accepts), for the empty template. */
const templateTable: ExportTable<never> = {
  sheetName: 'Digitalbeauftragte',
  columns: (['Name', 'E-Mail', 'Kommune', 'Funktion', 'Telefon', 'Sprache'] as const).map((header) => ({
    header,
    kind: 'text' as const,
    width: 24,
    value: () => null,
  })),
};

/** An empty import file with the headings, in the hub's CSV format (it opens in German Excel). */
export function officerImportTemplateCsv(): string {
  return toCsv(templateTable, []);
}

const fileError = (code: UserErrorCodeValue, message: string) => userError(code, message, 'csv');

const normaliseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/\s+/g, '-');

const HEADER_TO_COLUMN = new Map<string, OfficerImportColumn>(
  (Object.entries(officerImport.columns) as [OfficerImportColumn, readonly string[]][]).flatMap(
    ([column, names]) => names.map((name) => [normaliseHeader(name), column] as const),
  ),
);

/** The delimiter of the header line: German Excel writes semicolons, most other tools commas. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * Reads the CSV text: BOM, comma or semicolon, quoted fields. Checks size, encoding and columns;
 * the rows come back as cells by column, not yet validated.
 */
export function parseOfficerCsv(text: string): ParsedFile {
  if (text.includes('\uFFFD') || /Ã[\u0080-\u00BF]/.test(text)) {
    return {
      rows: [],
      errors: [
        fileError(
          'CSV_ENCODING',
          'The file is not UTF-8 (umlauts are garbled). In Excel, save it as "CSV UTF-8 (durch Trennzeichen getrennt)".',
        ),
      ],
    };
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      trim: true,
      relax_quotes: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: [],
      errors: [
        fileError(
          'CSV_MALFORMED',
          `The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}`,
        ),
      ],
    };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [fileError('CSV_EMPTY', 'The file is empty.')] };
  const columns: (OfficerImportColumn | null)[] = header.map(
    (h) => HEADER_TO_COLUMN.get(normaliseHeader(h)) ?? null,
  );
  const errors: UserError[] = [];
  const unknown = header.filter((_, i) => columns[i] === null);
  if (unknown.length) {
    errors.push(
      fileError('CSV_COLUMNS', `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`),
    );
  }
  const missing = officerImport.required.filter((c) => !columns.includes(c));
  if (missing.length)
    errors.push(
      fileError('CSV_COLUMNS', `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`),
    );
  const twice = columns.filter((c, i) => c !== null && columns.indexOf(c) !== i);
  if (twice.length)
    errors.push(fileError('CSV_COLUMNS', `Column given twice: ${[...new Set(twice)].join(', ')}.`));
  if (!data.length) errors.push(fileError('CSV_EMPTY', 'The file has no data rows.'));
  if (data.length > officerImport.maxRows) {
    errors.push(fileError('CSV_TOO_LARGE', `At most ${officerImport.maxRows} rows can be imported at once.`));
  }
  if (errors.length) return { rows: [], errors };
  return {
    rows: data.map((record, i) => ({
      line: i + 2,
      cells: Object.fromEntries(columns.map((c, j) => [c, record[j] ?? ''])) as Cells,
    })),
    errors: [],
  };
}

function parseLocale(text: string | undefined): Locale | null {
  const value = (text ?? '').trim().toLowerCase();
  if (!value || value === 'de' || value === 'deutsch' || value === 'german') return Locale.DE;
  if (value === 'en' || value === 'englisch' || value === 'english') return Locale.EN;
  return null;
}

/** Checks every row against the directory and the existing accounts; two statements. */
export async function checkOfficerRows(
  manager: EntityManager,
  parsed: ParsedFile,
): Promise<OfficerImportRow[]> {
  const keys = parsed.rows.map((r) => (r.cells.municipality ?? '').trim()).filter(Boolean);
  const emails = parsed.rows.map((r) => (r.cells.email ?? '').trim().toLowerCase()).filter(Boolean);
  const [candidates, taken]: [(Municipality & { folded: string })[], { email: string }[]] = await Promise.all(
    [
      manager
        .getRepository(Municipality)
        .createQueryBuilder('m')
        .addSelect('hub_fold(m.name)', 'folded')
        .where('m.ars = ANY(:keys) OR m.ags = ANY(:keys)', { keys })
        .orWhere('hub_fold(m.name) IN (SELECT hub_fold(k) FROM unnest(CAST(:keys AS text[])) k)')
        .getRawAndEntities()
        .then(({ entities, raw }) =>
          entities.map((e) =>
            Object.assign(e, { folded: (raw.find((r) => r.m_id === e.id)?.folded as string) ?? '' }),
          ),
        ),
      manager.query('SELECT email FROM app_user WHERE email = ANY($1)', [emails]),
    ],
  );
  const takenEmails = new Set(taken.map((t) => t.email));
  const [folds]: { folds: string[] }[] = await manager.query(
    'SELECT array_agg(hub_fold(k) ORDER BY i) AS folds FROM unnest(CAST($1 AS text[])) WITH ORDINALITY AS t(k, i)',
    [parsed.rows.map((r) => (r.cells.municipality ?? '').trim())],
  );
  const seenEmails = new Map<string, number>();

  return parsed.rows.map(({ line, cells }, index) => {
    const errors: UserError[] = [];
    const name = (cells.name ?? '').trim();
    const email = (cells.email ?? '').trim().toLowerCase();
    const position = (cells.position ?? '').trim() || null;
    const phone = (cells.phone ?? '').trim() || null;
    const municipalityText = (cells.municipality ?? '').trim();
    const locale = parseLocale(cells.locale);

    if (!name) errors.push(userError('REQUIRED', 'The name is missing.', 'name'));
    else if (name.length > limits.personName.maxLength) {
      errors.push(
        userError('TOO_LONG', `The name may have at most ${limits.personName.maxLength} characters.`, 'name'),
      );
    }
    if (!email) errors.push(userError('REQUIRED', 'The e-mail address is missing.', 'email'));
    else if (!isEmail(email) || email.length > limits.email.maxLength) {
      errors.push(userError('INVALID_EMAIL', `"${email}" is not a valid e-mail address.`, 'email'));
    } else if (takenEmails.has(email)) {
      errors.push(userError('EMAIL_TAKEN', 'A person with this e-mail address already exists.', 'email'));
    } else if (seenEmails.has(email)) {
      errors.push(
        userError('DUPLICATE_EMAIL', `The same e-mail address is in line ${seenEmails.get(email)}.`, 'email'),
      );
    }
    if (email && !seenEmails.has(email)) seenEmails.set(email, line);
    if (position && position.length > limits.position.maxLength) {
      errors.push(
        userError(
          'TOO_LONG',
          `The position may have at most ${limits.position.maxLength} characters.`,
          'position',
        ),
      );
    }
    if (phone && phone.length > limits.phone.maxLength) {
      errors.push(
        userError(
          'TOO_LONG',
          `The phone number may have at most ${limits.phone.maxLength} characters.`,
          'phone',
        ),
      );
    }
    if (!locale) errors.push(userError('INVALID_LOCALE', 'The language must be DE or EN.', 'locale'));

    let municipality: Municipality | null = null;
    if (!municipalityText) {
      errors.push(
        userError('REQUIRED', 'The municipality (name or official key) is missing.', 'municipality'),
      );
    } else {
      const byKey = candidates.filter((m) => m.ars === municipalityText || m.ags === municipalityText);
      const matches = byKey.length ? byKey : candidates.filter((m) => m.folded === folds.folds[index]);
      if (matches.length === 1) municipality = matches[0];
      else if (matches.length === 0) {
        errors.push(
          userError(
            'MUNICIPALITY_UNKNOWN',
            `No municipality "${municipalityText}" in Rheinland-Pfalz.`,
            'municipality',
          ),
        );
      } else {
        errors.push(
          userError(
            'MUNICIPALITY_AMBIGUOUS',
            `${matches.length} municipalities are called "${municipalityText}": give the official key (ARS) instead.`,
            'municipality',
          ),
        );
      }
    }
    return Object.assign(new OfficerImportRow(), {
      line,
      name,
      email,
      position,
      phone,
      locale: locale ?? Locale.DE,
      municipalityText,
      municipality,
      errors,
    });
  });
}

/**
 * Creates the officers of checked, valid rows and sends their invitations, through the same
 * invitation as a single one (the auth module's, through `accountSecurity`); the caller's transaction makes it all or nothing.
 */
export async function createOfficers(
  ctx: Context,
  manager: EntityManager,
  inviter: User,
  rows: OfficerImportRow[],
): Promise<User[]> {
  const created: User[] = [];
  for (const row of rows) {
    const request: InvitationRequest = {
      email: row.email,
      name: row.name,
      role: Role.OFFICER,
      municipalityId: toGlobalId('Municipality', (row.municipality as Municipality).id),
      position: row.position,
      locale: row.locale,
    };
    try {
      const user = await accountSecurity().invite(ctx, manager, inviter, request);
      if (row.phone) {
        await manager.update(User, user.id, { phone: row.phone });
        user.phone = row.phone;
      }
      created.push(user);
    } catch (error) {
      if (error instanceof UserErrors) {
        throw new UserErrors(
          error.errors.map((e) => userError(e.code, `Line ${row.line}: ${e.message}`, e.field)),
        );
      }
      throw error;
    }
  }
  return created;
}
