/**
 * A labelled set for the German project search: 28 realistic projects of the network and 48
 * queries a municipal officer might type, each with the one project it is looking for, in four
 * classes: the same words, other word forms, compound parts, and synonyms (no word in common).
 * `evaluateSearch` runs them through the similar-projects hint and the catalogue search and
 * reports recall@5 and MRR (mean reciprocal rank, 0 when not in the top 10) per class.
 * Written by hand for issue 15; the queries were written from the project texts, not tuned on
 * the results.
 */
import { ProjectSort } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { searchProjects, similarProjects } from '../modules/projects/project.search';
import type { User } from '../modules/users/user.entity';

export const LABELLED_PROJECTS: { title: string; summary: string }[] = [
  {
    title: 'Breitbandausbau im Gewerbegebiet Nord',
    summary: 'Schnelles Internet für die Betriebe am Stadtrand, gefördert vom Bund.',
  },
  {
    title: 'Bürgerhaushalt digital',
    summary:
      'Einwohnerinnen und Einwohner schlagen Vorschläge für den Etat vor und stimmen im Netz darüber ab.',
  },
  {
    title: 'Friedhofsverwaltungssoftware',
    summary: 'Grabstellen, Nutzungsrechte und Gebühren in einer Anwendung verwalten.',
  },
  {
    title: 'Straßensanierungsplanung mit Zustandserfassung',
    summary: 'Kamerafahrzeuge erfassen Schäden an der Fahrbahn; daraus entsteht der Sanierungsplan.',
  },
  { title: 'Intelligente Lichtmasten', summary: 'LED-Leuchten dimmen nachts und melden Ausfälle selbst.' },
  {
    title: 'Kita-Platzvergabe online',
    summary:
      'Eltern melden ihren Betreuungsbedarf zentral an; die Vergabe läuft nach transparenten Kriterien.',
  },
  {
    title: 'Koblenzer Mängelmelder',
    summary: 'Schlaglöcher, wilde Müllkippen und defekte Laternen per App melden.',
  },
  {
    title: 'Digitale Ratsarbeit',
    summary: 'Sitzungsunterlagen für Ratsmitglieder auf Tablets statt auf Papier.',
  },
  {
    title: 'Online-Terminvereinbarung im Bürgerbüro',
    summary: 'Termine für Personalausweis und Meldeangelegenheiten rund um die Uhr buchen.',
  },
  {
    title: 'E-Akte in der Kernverwaltung',
    summary: 'Die Papierakte wird durch ein Dokumentenmanagementsystem ersetzt.',
  },
  {
    title: 'Hochwasserfrühwarnsystem an der Ahr',
    summary: 'Pegelsensoren melden steigende Wasserstände an die Leitstelle.',
  },
  {
    title: 'Smarte Parkraumbewirtschaftung',
    summary: 'Sensoren zeigen freie Stellplätze in der Innenstadt an.',
  },
  { title: 'Digitale Schulen im Landkreis', summary: 'Tablets und WLAN für alle weiterführenden Schulen.' },
  {
    title: 'Abfall-App für die Verbandsgemeinde',
    summary: 'Abfuhrtermine, Wertstoffhöfe und Erinnerungen aufs Handy.',
  },
  {
    title: 'Radverkehrszählung mit Sensoren',
    summary: 'Zählstellen erfassen den Radverkehr an den Hauptrouten.',
  },
  {
    title: 'Open-Data-Portal der Stadt',
    summary: 'Offene Verwaltungsdaten maschinenlesbar veröffentlichen.',
  },
  {
    title: 'Geoportal für die Bauleitplanung',
    summary: 'Bebauungspläne und Flächennutzungsplan im Kartendienst.',
  },
  {
    title: 'Tourismus-Chatbot',
    summary: 'Gäste fragen rund um die Uhr nach Unterkünften und Ausflugszielen.',
  },
  {
    title: 'Online-Bezahlung von Verwaltungsgebühren',
    summary: 'Gebühren im Bürgerportal per Kreditkarte oder Lastschrift bezahlen.',
  },
  {
    title: 'Energiemonitoring kommunaler Gebäude',
    summary: 'Verbrauchsdaten von Strom und Wärme der Liegenschaften automatisch auswerten.',
  },
  {
    title: 'Bürgerbeteiligungsplattform',
    summary: 'Bürgerinnen und Bürger diskutieren Planungen der Stadt im Internet.',
  },
  { title: 'Digitales Fundbüro', summary: 'Verlorene Gegenstände online suchen und melden.' },
  {
    title: 'Personalausweis-Abholsystem',
    summary: 'Ausweisdokumente rund um die Uhr an einem Abholterminal entgegennehmen.',
  },
  { title: 'WLAN in der Innenstadt', summary: 'Freies Internet auf Marktplatz und Fußgängerzone.' },
  { title: 'Ehrenamtsbörse', summary: 'Vereine und Freiwillige finden zueinander.' },
  {
    title: 'Feuerwehr-Einsatzplanung digital',
    summary: 'Alarmierung und Fahrzeugverfügbarkeit in einer Übersicht.',
  },
  { title: 'Seniorenportal', summary: 'Angebote für ältere Menschen gebündelt auf einer Seite.' },
  { title: 'Baumkataster', summary: 'Alle Straßenbäume mit Zustand und Pflegemaßnahmen erfasst.' },
];

export type QueryClass = 'same words' | 'word forms' | 'compounds' | 'synonyms';
export const QUERY_CLASSES: QueryClass[] = ['same words', 'word forms', 'compounds', 'synonyms'];

export const LABELLED_QUERIES: { query: string; expected: string; kind: QueryClass }[] = [
  { kind: 'same words', query: 'Mängelmelder', expected: 'Koblenzer Mängelmelder' },
  { kind: 'same words', query: 'Friedhofsverwaltungssoftware', expected: 'Friedhofsverwaltungssoftware' },
  { kind: 'same words', query: 'Baumkataster', expected: 'Baumkataster' },
  { kind: 'same words', query: 'Ehrenamtsbörse für Vereine', expected: 'Ehrenamtsbörse' },
  { kind: 'same words', query: 'Fundbüro', expected: 'Digitales Fundbüro' },
  { kind: 'same words', query: 'Tourismus-Chatbot für Gäste', expected: 'Tourismus-Chatbot' },
  { kind: 'same words', query: 'Energiemonitoring', expected: 'Energiemonitoring kommunaler Gebäude' },
  { kind: 'same words', query: 'Open-Data-Portal', expected: 'Open-Data-Portal der Stadt' },
  { kind: 'same words', query: 'Geoportal Bauleitplanung', expected: 'Geoportal für die Bauleitplanung' },
  { kind: 'same words', query: 'WLAN Innenstadt', expected: 'WLAN in der Innenstadt' },
  { kind: 'same words', query: 'Seniorenportal', expected: 'Seniorenportal' },
  { kind: 'same words', query: 'E-Akte Kernverwaltung', expected: 'E-Akte in der Kernverwaltung' },
  { kind: 'word forms', query: 'Schule digital', expected: 'Digitale Schulen im Landkreis' },
  { kind: 'word forms', query: 'Radverkehr zählen', expected: 'Radverkehrszählung mit Sensoren' },
  { kind: 'word forms', query: 'Kitaplätze vergeben', expected: 'Kita-Platzvergabe online' },
  {
    kind: 'word forms',
    query: 'Termine im Bürgerbüro vereinbaren',
    expected: 'Online-Terminvereinbarung im Bürgerbüro',
  },
  { kind: 'word forms', query: 'Sensor Stellplatz', expected: 'Smarte Parkraumbewirtschaftung' },
  {
    kind: 'word forms',
    query: 'Gebühr online bezahlen',
    expected: 'Online-Bezahlung von Verwaltungsgebühren',
  },
  { kind: 'word forms', query: 'Leuchte dimmen', expected: 'Intelligente Lichtmasten' },
  { kind: 'word forms', query: 'Abfuhrtermin', expected: 'Abfall-App für die Verbandsgemeinde' },
  { kind: 'word forms', query: 'Bürgerhaushalte', expected: 'Bürgerhaushalt digital' },
  {
    kind: 'word forms',
    query: 'Strassensanierungsplanung',
    expected: 'Straßensanierungsplanung mit Zustandserfassung',
  },
  { kind: 'word forms', query: 'Hochwasserfruehwarnsystem', expected: 'Hochwasserfrühwarnsystem an der Ahr' },
  { kind: 'word forms', query: 'Straßenbaum', expected: 'Baumkataster' },
  { kind: 'compounds', query: 'Friedhofsverwaltung', expected: 'Friedhofsverwaltungssoftware' },
  { kind: 'compounds', query: 'Sanierung', expected: 'Straßensanierungsplanung mit Zustandserfassung' },
  {
    kind: 'compounds',
    query: 'Straßensanierung',
    expected: 'Straßensanierungsplanung mit Zustandserfassung',
  },
  { kind: 'compounds', query: 'Software für den Friedhof', expected: 'Friedhofsverwaltungssoftware' },
  { kind: 'compounds', query: 'Frühwarnsystem Hochwasser', expected: 'Hochwasserfrühwarnsystem an der Ahr' },
  { kind: 'compounds', query: 'Parkraum', expected: 'Smarte Parkraumbewirtschaftung' },
  { kind: 'compounds', query: 'Beteiligungsplattform', expected: 'Bürgerbeteiligungsplattform' },
  { kind: 'compounds', query: 'Terminvereinbarung', expected: 'Online-Terminvereinbarung im Bürgerbüro' },
  {
    kind: 'compounds',
    query: 'Breitband im Gewerbegebiet',
    expected: 'Breitbandausbau im Gewerbegebiet Nord',
  },
  { kind: 'compounds', query: 'Einsatzplanung der Feuerwehr', expected: 'Feuerwehr-Einsatzplanung digital' },
  {
    kind: 'compounds',
    query: 'Zustand der Straßen erfassen',
    expected: 'Straßensanierungsplanung mit Zustandserfassung',
  },
  { kind: 'compounds', query: 'Ausweis abholen', expected: 'Personalausweis-Abholsystem' },
  { kind: 'synonyms', query: 'Glasfaser für Unternehmen', expected: 'Breitbandausbau im Gewerbegebiet Nord' },
  { kind: 'synonyms', query: 'Online-Beteiligung zum Haushalt', expected: 'Bürgerhaushalt digital' },
  { kind: 'synonyms', query: 'Smarte Straßenbeleuchtung', expected: 'Intelligente Lichtmasten' },
  { kind: 'synonyms', query: 'Anmeldung Kindergarten', expected: 'Kita-Platzvergabe online' },
  { kind: 'synonyms', query: 'Schadensmeldung per App', expected: 'Koblenzer Mängelmelder' },
  { kind: 'synonyms', query: 'Ratsinformationssystem', expected: 'Digitale Ratsarbeit' },
  { kind: 'synonyms', query: 'Überschwemmung Warnung', expected: 'Hochwasserfrühwarnsystem an der Ahr' },
  { kind: 'synonyms', query: 'Parkplatz Sensor', expected: 'Smarte Parkraumbewirtschaftung' },
  { kind: 'synonyms', query: 'Müllabfuhr App', expected: 'Abfall-App für die Verbandsgemeinde' },
  { kind: 'synonyms', query: 'Fahrrad Zählung', expected: 'Radverkehrszählung mit Sensoren' },
  { kind: 'synonyms', query: 'Bestattung Verwaltung', expected: 'Friedhofsverwaltungssoftware' },
  { kind: 'synonyms', query: 'Fremdenverkehr Chatbot', expected: 'Tourismus-Chatbot' },
];

export interface ClassFigures {
  kind: QueryClass;
  queries: number;
  recallAt5: number;
  mrr: number;
  missed: string[];
}

export interface SearchQuality {
  similar: ClassFigures[];
  catalogue: ClassFigures[];
}

function figures(ranks: { kind: QueryClass; query: string; rank: number | null }[]): ClassFigures[] {
  return QUERY_CLASSES.map((kind) => {
    const of = ranks.filter((r) => r.kind === kind);
    return {
      kind,
      queries: of.length,
      recallAt5: of.filter((r) => r.rank !== null && r.rank <= 5).length / of.length,
      mrr: of.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / of.length,
      missed: of.filter((r) => r.rank === null || r.rank > 5).map((r) => `${r.query} (${r.rank ?? '–'})`),
    };
  });
}

/**
 * Runs the labelled queries against the projects in the database (the labelled ones, possibly
 * among many others) as `viewer` (the catalogue) and the public similar-projects hint.
 */
export async function evaluateSearch(dataSource: DataSource, viewer: User | null): Promise<SearchQuality> {
  const similar: { kind: QueryClass; query: string; rank: number | null }[] = [];
  const catalogue: { kind: QueryClass; query: string; rank: number | null }[] = [];
  const titles = new Map<string, string>();
  for (const row of await dataSource.query('SELECT id, title FROM project')) titles.set(row.id, row.title);
  for (const { query, expected, kind } of LABELLED_QUERIES) {
    const hints = await similarProjects(dataSource, { title: query, first: 10 });
    const hintRank = hints.findIndex((hint) => titles.get(hint.id) === expected);
    similar.push({ kind, query, rank: hintRank >= 0 ? hintRank + 1 : null });
    const page = await searchProjects(dataSource, viewer, { search: query }, ProjectSort.RELEVANCE, {
      first: 10,
    });
    const pageRank = page.edges.findIndex((edge) => edge.node.title === expected);
    catalogue.push({ kind, query, rank: pageRank >= 0 ? pageRank + 1 : null });
  }
  return { similar: figures(similar), catalogue: figures(catalogue) };
}
