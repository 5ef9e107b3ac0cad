import type { EntityManager } from 'typeorm';
import type { RetentionSettings } from '../../config';
import { type DataSubject, personalDataRegistry, runRegistrySql } from './personal-data.registry';
import { retentionRuleOf } from './retention';

/** One table's part of the export: what it is, why it is kept, and the rows about the person. */
export interface PersonalDataSection {
  table: string;
  title: string;
  purpose: string;
  recipients: string;
  retention: string;
  rows: Record<string, unknown>[];
}

/** Everything the hub holds about a person (Art. 15 and 20 DSGVO). */
export interface PersonalDataExport {
  format: 'hub-personal-data/1';
  generatedAt: string;
  person: { id: string; name: string; email: string };
  sections: PersonalDataSection[];
}

/** The person as the registry's statements need them, or null when there is none. */
export async function dataSubjectOf(manager: EntityManager, personId: string): Promise<DataSubject | null> {
  const [row] = (await manager.query('SELECT id, email, name, phone FROM app_user WHERE id = $1', [
    personId,
  ])) as DataSubject[] | [];
  return row ?? null;
}

/**
 * Collects the person's data from every table of the registry: one statement per table, in a
 * single read-only snapshot so the sections agree with each other.
 */
export async function collectPersonalData(
  manager: EntityManager,
  subject: DataSubject,
  retention: RetentionSettings,
  now: Date,
): Promise<PersonalDataExport> {
  const sections: PersonalDataSection[] = [];
  for (const entry of personalDataRegistry) {
    const rows = await runRegistrySql(manager, entry.exportSql, subject);
    sections.push({
      table: entry.table,
      // The export is a document: in German, its binding wording.
      title: entry.title.DE,
      purpose: entry.purpose.DE,
      recipients: entry.recipients.DE,
      retention: retentionRuleOf(entry.retention)?.period(retention).DE ?? '',
      rows,
    });
  }
  // The profile first: it is what a reader looks for.
  sections.sort((a, b) => Number(b.table === 'app_user') - Number(a.table === 'app_user'));
  return {
    format: 'hub-personal-data/1',
    generatedAt: now.toISOString(),
    person: { id: subject.id, name: subject.name, email: subject.email },
    sections,
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const berlin = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (value instanceof Date) return berlin.format(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'object') return JSON.stringify(value, null, 1);
  return String(value);
}

function sectionHtml(section: PersonalDataSection): string {
  const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
  const table = section.rows.length
    ? `<div class="scroll"><table><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>${section.rows
        .map(
          (row) =>
            `<tr>${columns
              .map((c) => {
                const value = row[c];
                const text = escapeHtml(cellText(value));
                return `<td>${typeof value === 'object' && value !== null && !(value instanceof Date) ? `<pre>${text}</pre>` : text}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('\n')}</tbody></table></div>`
    : '<p class="empty">Keine Einträge.</p>';
  return `<section aria-labelledby="s-${section.table}">
<h2 id="s-${section.table}">${escapeHtml(section.title)} <span class="count">(${section.rows.length})</span></h2>
<dl><dt>Zweck</dt><dd>${escapeHtml(section.purpose)}</dd><dt>Wer es sieht</dt><dd>${escapeHtml(section.recipients)}</dd><dt>Speicherdauer</dt><dd>${escapeHtml(section.retention)}</dd></dl>
${table}
</section>`;
}

/**
 * The export as a readable, printable HTML document (self-contained, no scripts): a heading per
 * kind of data with its purpose, recipients and retention, then the rows.
 */
export function personalDataHtml(data: PersonalDataExport, operatorName: string): string {
  const title = `Auskunft über gespeicherte Daten – ${data.person.name}`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #767676; padding-bottom: .2rem; }
.count { font-weight: normal; color: #4a4a4a; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; } dt { font-weight: 600; } dd { margin: 0; }
.scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .85rem; margin-top: .5rem; }
th, td { border: 1px solid #b0b0b0; padding: .25rem .4rem; text-align: left; vertical-align: top; } th { background: #eef0f3; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; font-size: .8rem; } .empty { color: #4a4a4a; font-style: italic; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } .scroll { overflow: visible; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>Erstellt am ${escapeHtml(berlin.format(new Date(data.generatedAt)))} vom Hub „Digitale Städte Rheinland-Pfalz“${operatorName ? ` (${escapeHtml(operatorName)})` : ''} nach Art. 15 DSGVO. Dieselben Daten liegen maschinenlesbar als JSON-Datei bei (Art. 20 DSGVO).</p>
<p>Person: ${escapeHtml(data.person.name)} · ${escapeHtml(data.person.email)}</p>
<nav aria-label="Inhalt"><ol>${data.sections.map((s) => `<li><a href="#s-${s.table}">${escapeHtml(s.title)}</a> (${s.rows.length})</li>`).join('')}</ol></nav>
${data.sections.map(sectionHtml).join('\n')}
</body>
</html>
`;
}
