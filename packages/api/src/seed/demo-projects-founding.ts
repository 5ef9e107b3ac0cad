import { CostRecurrence, CostType, MunicipalityKind, ProjectCategory, ProjectPhase } from '@hub/shared';
import type { DemoProject, Place } from './demo-projects';

const { HARDWARE, LICENCE, SERVICES, STAFF, OTHER } = CostType;
const { ONE_OFF, YEARLY } = CostRecurrence;
const { IDEA, CONCEPT, PILOT, ROLLOUT, OPERATIONAL, TRANSFERRED } = ProjectPhase;

const KL: Place = ['Kaiserslautern', MunicipalityKind.KREISFREIE_STADT];
const LK_KL: Place = ['Landkreis Kaiserslautern', MunicipalityKind.LANDKREIS];
const COCHEM_ZELL: Place = ['Landkreis Cochem-Zell', MunicipalityKind.LANDKREIS];
const MAINZ: Place = ['Mainz', MunicipalityKind.KREISFREIE_STADT];
const TRIER: Place = ['Trier', MunicipalityKind.KREISFREIE_STADT];
const KOBLENZ: Place = ['Koblenz', MunicipalityKind.KREISFREIE_STADT];
const LUDWIGSHAFEN: Place = ['Ludwigshafen am Rhein', MunicipalityKind.KREISFREIE_STADT];
const WORMS: Place = ['Worms', MunicipalityKind.KREISFREIE_STADT];
const SPEYER: Place = ['Speyer', MunicipalityKind.KREISFREIE_STADT];
const PIRMASENS: Place = ['Pirmasens', MunicipalityKind.KREISFREIE_STADT];
const ZWEIBRUECKEN: Place = ['Zweibrücken', MunicipalityKind.KREISFREIE_STADT];
const LANDAU: Place = ['Landau in der Pfalz', MunicipalityKind.KREISFREIE_STADT];
const NEUSTADT: Place = ['Neustadt an der Weinstraße', MunicipalityKind.KREISFREIE_STADT];
const KUSEL: Place = ['Landkreis Kusel', MunicipalityKind.LANDKREIS];
const SUEDWESTPFALZ: Place = ['Landkreis Südwestpfalz', MunicipalityKind.LANDKREIS];
const VULKANEIFEL: Place = ['Landkreis Vulkaneifel', MunicipalityKind.LANDKREIS];
const MAYEN_KOBLENZ: Place = ['Landkreis Mayen-Koblenz', MunicipalityKind.LANDKREIS];
const DONNERSBERG: Place = ['Donnersbergkreis', MunicipalityKind.LANDKREIS];
const RHEIN_HUNSRUECK: Place = ['Rhein-Hunsrück-Kreis', MunicipalityKind.LANDKREIS];
const BERNKASTEL: Place = ['Landkreis Bernkastel-Wittlich', MunicipalityKind.LANDKREIS];
const IDAR: Place = ['Idar-Oberstein', MunicipalityKind.VERBANDSFREIE_GEMEINDE];
const BITBURG: Place = ['Bitburg', MunicipalityKind.VERBANDSFREIE_GEMEINDE];
const WITTLICH: Place = ['Wittlich', MunicipalityKind.VERBANDSFREIE_GEMEINDE];
const NEUWIED: Place = ['Neuwied', MunicipalityKind.VERBANDSFREIE_GEMEINDE];
const BAD_KREUZNACH: Place = ['Bad Kreuznach', MunicipalityKind.VERBANDSFREIE_GEMEINDE];
const INGELHEIM: Place = ['Ingelheim am Rhein', MunicipalityKind.VERBANDSFREIE_GEMEINDE];
const WEILERBACH: Place = ['Verbandsgemeinde Weilerbach', MunicipalityKind.VERBANDSGEMEINDE];
const RAMSTEIN: Place = ['Verbandsgemeinde Ramstein-Miesenbach', MunicipalityKind.VERBANDSGEMEINDE];
const VG_COCHEM: Place = ['Verbandsgemeinde Cochem', MunicipalityKind.VERBANDSGEMEINDE];
const VG_DAUN: Place = ['Verbandsgemeinde Daun', MunicipalityKind.VERBANDSGEMEINDE];
const MONTABAUR: Place = ['Verbandsgemeinde Montabaur', MunicipalityKind.VERBANDSGEMEINDE];
const GERMERSHEIM: Place = ['Landkreis Germersheim', MunicipalityKind.LANDKREIS];
const SUEDLICHE_WEINSTRASSE: Place = ['Landkreis Südliche Weinstraße', MunicipalityKind.LANDKREIS];
const AHRWEILER: Place = ['Landkreis Ahrweiler', MunicipalityKind.LANDKREIS];
const TRIER_SAARBURG: Place = ['Landkreis Trier-Saarburg', MunicipalityKind.LANDKREIS];
const KONZ: Place = ['Verbandsgemeinde Konz', MunicipalityKind.VERBANDSGEMEINDE];

/**
 * The projects the network's founding event showed ("Markt der Projekte") beyond the first demo
 * projects, and more from the members that joined since, with their histories and adoptions.
 * Dates are written as seen from DEMO_AUTHORED_ON and moved to the seeding day (see demo-projects.ts).
 */
export const FOUNDING_EVENT_PROJECTS: DemoProject[] = [
  {
    key: 'escooter',
    title: 'Demo: E-Scooter-Sharing in der Innenstadt',
    summary: 'Demo – Stationsbasiertes E-Scooter-Sharing mit festen Abstellflächen und Betreiberauflagen.',
    description:
      '## Ziel\n\nE-Scooter ergänzen Bus und Rad auf der **letzten Meile**. Feste Abstellflächen verhindern zugeparkte Gehwege.\n\n## Umsetzung\n\nSondernutzungserlaubnis mit Auflagen (Abstellverbotszonen, Geschwindigkeitsdrosselung in der Fußgängerzone, Datenbereitstellung nach MDS).',
    category: ProjectCategory.MOBILITY,
    phase: OPERATIONAL,
    lead: KL,
    contactEmail: 'digital@kaiserslautern.demo',
    solution: { product: 'E-Scooter-Sharing', vendor: 'Demo Mobility GmbH', openSource: false },
    startDate: '2023-05-01',
    enteredOn: '2023-11-24',
    costs: [
      ['Markierung der Abstellflächen (40 Stück)', HARDWARE, ONE_OFF, 14_000],
      ['Auswertung der Nutzungsdaten', SERVICES, YEARLY, 4_800],
    ],
    milestones: [
      ['Sondernutzungssatzung beschlossen', '2023-06-30', true],
      ['40 Abstellflächen markiert', '2024-03-31', true],
    ],
    updates: [
      ['2023-12-01', PILOT, 40, 'Pilotphase mit 150 Fahrzeugen und 20 Abstellflächen.'],
      ['2024-05-15', ROLLOUT, 75, 'Ausweitung auf 40 Abstellflächen, Beschwerden um zwei Drittel gesunken.'],
      ['2025-03-01', OPERATIONAL, 100, 'Regelbetrieb; 38.000 Fahrten im Jahr 2024.'],
    ],
    lessonsLearned: 'Abstellflächen vor dem Start markieren – nicht erst nach den ersten Beschwerden.',
  },
  {
    key: 'escooter-landau',
    title: 'Demo: E-Scooter-Abstellzonen Landau',
    summary: 'Demo – Landau übernimmt Satzung und Abstellkonzept aus Kaiserslautern.',
    description:
      'Landau übernimmt die **Sondernutzungssatzung** und das Konzept der Abstellflächen aus Kaiserslautern.',
    category: ProjectCategory.MOBILITY,
    phase: ROLLOUT,
    lead: LANDAU,
    solution: { product: 'E-Scooter-Sharing', vendor: 'Demo Mobility GmbH', openSource: false },
    startDate: '2024-09-01',
    costs: [['Markierung der Abstellflächen (15 Stück)', HARDWARE, ONE_OFF, 5_500]],
    updates: [
      ['2024-10-15', PILOT, 30, 'Satzung beschlossen, erste Abstellflächen markiert.'],
      ['2025-08-01', ROLLOUT, 70, 'Alle 15 Abstellflächen in Betrieb.'],
    ],
    origin: {
      key: 'escooter',
      adaptations: 'Weniger Abstellflächen, zusätzliche Verbotszone am Hauptbahnhof.',
      savingEuro: 12_000,
    },
  },
  {
    key: 'escooter-ludwigshafen',
    title: 'Demo: E-Scooter-Regeln Ludwigshafen',
    summary: 'Demo – Ludwigshafen übernimmt Abstellflächen und Auflagen für Verleiher aus Kaiserslautern.',
    description: 'Die **Sondernutzungssatzung** aus Kaiserslautern, ergänzt um Regeln für die Rheinbrücken.',
    category: ProjectCategory.MOBILITY,
    phase: PILOT,
    lead: LUDWIGSHAFEN,
    solution: { product: 'E-Scooter-Sharing', vendor: 'Demo Mobility GmbH', openSource: false },
    startDate: '2025-04-01',
    costs: [['Markierung der Abstellflächen (25 Stück)', HARDWARE, ONE_OFF, 8_500]],
    updates: [['2025-09-01', PILOT, 40, 'Satzung beschlossen, zehn Abstellflächen markiert.']],
    origin: {
      key: 'escooter',
      adaptations: 'Zusätzliche Verbotszonen auf den Rheinbrücken.',
      savingEuro: 10_000,
    },
  },
  {
    key: 'vr',
    title: 'Demo: VR-Zeitreise durch die Altstadt',
    summary:
      'Demo – Mit der VR-Brille die Stadt um 1900 erleben: Stadtführung mit virtueller Rekonstruktion.',
    description:
      'An fünf Stationen zeigen **VR-Brillen** die Altstadt, wie sie um 1900 aussah. Grundlage sind Fotos und Pläne des Stadtarchivs.\n\nDie Touren bucht man bei der Tourist-Information; Schulklassen nutzen sie im Geschichtsunterricht.',
    category: ProjectCategory.TOURISM_CULTURE,
    phase: OPERATIONAL,
    lead: KL,
    partners: [LK_KL],
    contactEmail: 'digital@kaiserslautern.demo',
    solution: { product: 'Zeitreise-App', vendor: 'Demo XR Studio GmbH', openSource: false },
    startDate: '2023-03-01',
    enteredOn: '2023-11-24',
    costs: [
      ['3D-Rekonstruktion von fünf Stationen', SERVICES, ONE_OFF, 68_000],
      ['VR-Brillen (20 Stück)', HARDWARE, ONE_OFF, 9_000],
      ['Wartung und Updates', SERVICES, YEARLY, 6_000],
    ],
    funding: [['LEADER Westpfalz (Demo)', 46_000, 60]],
    milestones: [
      ['Rekonstruktion abgenommen', '2023-09-30', true],
      ['Angebot für Schulklassen', '2024-09-01', true],
    ],
    updates: [
      ['2023-10-01', PILOT, 60, 'Testführungen mit 300 Gästen; sehr gute Rückmeldungen.'],
      ['2024-04-01', OPERATIONAL, 100, 'Fester Bestandteil des Führungsangebots der Tourist-Information.'],
    ],
  },
  {
    key: 'vr-zweibruecken',
    title: 'Demo: VR-Zeitreise Barockstadt Zweibrücken',
    summary: 'Demo – Zweibrücken nutzt die VR-Technik aus Kaiserslautern für das Herzogschloss.',
    description:
      'Die **VR-Zeitreise** aus Kaiserslautern wird für das Zweibrücker Schloss und den Rosengarten angepasst.',
    category: ProjectCategory.TOURISM_CULTURE,
    phase: PILOT,
    lead: ZWEIBRUECKEN,
    solution: { product: 'Zeitreise-App', vendor: 'Demo XR Studio GmbH', openSource: false },
    startDate: '2025-04-01',
    costs: [['3D-Rekonstruktion von drei Stationen', SERVICES, ONE_OFF, 41_000]],
    updates: [['2025-10-01', PILOT, 40, 'Erste Station am Herzogschloss im Testbetrieb.']],
    origin: {
      key: 'vr',
      adaptations: 'Drei statt fünf Stationen, App und Brillenverleih übernommen.',
      savingEuro: 25_000,
    },
  },
  {
    key: 'id-terminal',
    title: 'Demo: Ausweis-Terminal im Bürgerbüro',
    summary: 'Demo – Selbstbedienungsterminal für Passbild, Unterschrift und Fingerabdrücke.',
    description:
      'Am **Terminal** erfassen Bürgerinnen und Bürger Lichtbild, Unterschrift und Fingerabdrücke selbst. Die Sachbearbeitung prüft nur noch – der Termin ist um die Hälfte kürzer.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: OPERATIONAL,
    lead: PIRMASENS,
    solution: { product: 'Selbstbedienungsterminal', vendor: 'Demo ID Systems GmbH', openSource: false },
    startDate: '2023-06-01',
    enteredOn: '2023-11-24',
    costs: [
      ['Terminal', HARDWARE, ONE_OFF, 19_500],
      ['Wartungsvertrag', SERVICES, YEARLY, 1_900],
    ],
    updates: [
      ['2023-09-01', PILOT, 50, 'Ein Terminal im Bürgerbüro, Gebühr für Passbilder entfällt.'],
      ['2024-02-01', OPERATIONAL, 100, 'Termindauer von 20 auf 10 Minuten gesenkt.'],
    ],
    lessonsLearned: 'Barrierefreiheit früh prüfen: höhenverstellbares Terminal wählen.',
  },
  {
    key: 'id-terminal-worms',
    title: 'Demo: Ausweis-Terminals Worms',
    summary: 'Demo – Worms übernimmt Ausschreibung und Betriebskonzept aus Pirmasens.',
    description: 'Zwei **Ausweis-Terminals** nach dem Vorbild Pirmasens, gemeinsame Ausschreibung.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: OPERATIONAL,
    lead: WORMS,
    solution: { product: 'Selbstbedienungsterminal', vendor: 'Demo ID Systems GmbH', openSource: false },
    startDate: '2024-05-01',
    costs: [['Terminals (2 Stück)', HARDWARE, ONE_OFF, 36_000]],
    updates: [
      ['2024-07-01', PILOT, 50, 'Erstes Terminal aufgestellt.'],
      ['2025-01-15', OPERATIONAL, 100, 'Beide Terminals im Regelbetrieb.'],
    ],
    origin: {
      key: 'id-terminal',
      adaptations: 'Zwei Terminals, Anbindung an das Wormser Terminsystem.',
      savingEuro: 8_000,
    },
  },
  {
    key: 'id-terminal-speyer',
    title: 'Demo: Ausweis-Terminal Speyer',
    summary: 'Demo – Speyer stellt ein Selbstbedienungsterminal nach dem Vorbild Pirmasens auf.',
    description: 'Ein **Ausweis-Terminal** im Bürgerbüro, beschafft über die Ausschreibung aus Pirmasens.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: OPERATIONAL,
    lead: SPEYER,
    solution: { product: 'Selbstbedienungsterminal', vendor: 'Demo ID Systems GmbH', openSource: false },
    startDate: '2025-02-01',
    costs: [['Terminal', HARDWARE, ONE_OFF, 18_500]],
    updates: [['2025-06-01', OPERATIONAL, 100, 'Terminal im Regelbetrieb.']],
    origin: { key: 'id-terminal', adaptations: 'Anbindung an das Speyerer Terminsystem.', savingEuro: 4_000 },
  },
  {
    key: 'herzlich-app',
    title: 'Demo: „herzlich digital“ – Stadt-App Kaiserslautern',
    summary: 'Demo – Eine App für Nachrichten, Termine, Mängelmelder und Online-Dienste der Stadt.',
    description:
      'Unter der Marke **„herzlich digital“** bündelt Kaiserslautern seine digitalen Angebote. Die Stadt-App zeigt Nachrichten, Veranstaltungen, Abfalltermine und führt zu den Online-Diensten.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: OPERATIONAL,
    lead: KL,
    contactEmail: 'digital@kaiserslautern.demo',
    solution: { product: 'Stadt-App', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2022-10-01',
    enteredOn: '2023-11-24',
    costs: [
      ['Entwicklung und Redaktionssystem', SERVICES, ONE_OFF, 95_000],
      ['Betrieb und Lizenz', LICENCE, YEARLY, 18_000],
      ['Redaktion (25 %)', STAFF, YEARLY, 17_500],
    ],
    funding: [['Modellprojekte Smart Cities (Demo)', 61_750, 65]],
    updates: [
      ['2023-04-01', PILOT, 70, 'Beta-Version mit 2.000 Testerinnen und Testern.'],
      ['2023-10-15', OPERATIONAL, 100, 'Veröffentlicht; 25.000 Installationen im ersten Jahr.'],
    ],
  },
  {
    key: 'herzlich-lotsen',
    title: 'Demo: „herzlich digital“ – Digitallotsen für Seniorinnen und Senioren',
    summary:
      'Demo – Ehrenamtliche begleiten ältere Menschen bei den ersten Schritten mit Smartphone und Online-Diensten.',
    description:
      'Geschulte **Digitallotsinnen und -lotsen** bieten wöchentliche Sprechstunden in Stadtteilbüros an. Das Schulungsmaterial steht anderen Kommunen offen.',
    category: ProjectCategory.HEALTH_SOCIAL,
    phase: ROLLOUT,
    lead: KL,
    contactEmail: 'digital@kaiserslautern.demo',
    solution: { product: 'Schulungsmaterial Digitallotsen', openSource: true, licence: 'CC-BY-4.0' },
    startDate: '2024-02-01',
    costs: [
      ['Schulung der Lotsinnen und Lotsen', SERVICES, ONE_OFF, 8_000],
      ['Leihgeräte (Tablets)', HARDWARE, ONE_OFF, 6_000],
      ['Koordination (20 %)', STAFF, YEARLY, 14_000],
    ],
    updates: [
      ['2024-06-01', PILOT, 30, 'Zwölf Lotsinnen und Lotsen geschult, zwei Sprechstunden pro Woche.'],
      ['2025-06-01', ROLLOUT, 60, 'Sprechstunden in fünf Stadtteilen, über 900 Beratungen.'],
    ],
  },
  {
    key: 'mogli',
    title: 'Demo: MoGlI – mobiles Glasfasernetz für Großveranstaltungen',
    summary:
      'Demo – Mobile Glasfaser-Infrastruktur für WLAN, Kassen und Sicherheitstechnik bei Großveranstaltungen.',
    description:
      '**MoGlI** (Mobile Glasfaser-Infrastruktur) wird bei Stadtfesten und Spielen in wenigen Stunden verlegt: WLAN für Gäste, Kassensysteme, Videoübertragung für die Einsatzleitung.\n\nDie Ausrüstung kann von anderen Kommunen ausgeliehen werden.',
    category: ProjectCategory.INFRASTRUCTURE_NETWORKS,
    phase: OPERATIONAL,
    lead: KL,
    partners: [LK_KL],
    contactEmail: 'digital@kaiserslautern.demo',
    solution: { product: 'MoGlI', vendor: 'Demo Stadtwerke GmbH', openSource: false },
    startDate: '2023-01-15',
    enteredOn: '2023-11-24',
    costs: [
      ['Glasfaser-Trommeln, Switches, Access Points', HARDWARE, ONE_OFF, 124_000],
      ['Lager und Wartung', SERVICES, YEARLY, 9_000],
    ],
    funding: [['Digitalisierung der Kommunen RLP (Demo)', 62_000, 50]],
    milestones: [
      ['Erster Einsatz beim Stadtfest', '2023-07-01', true],
      ['Verleih an Nachbarkommunen', '2024-06-30', true],
    ],
    updates: [
      ['2023-07-15', PILOT, 50, 'Erster Einsatz beim Stadtfest: 9.000 WLAN-Nutzende.'],
      ['2024-06-01', OPERATIONAL, 100, 'Zwölf Einsätze, zweimal an den Landkreis verliehen.'],
    ],
    lessonsLearned: 'Aufbau mit der Feuerwehr üben: Kabelwege kreuzen Rettungswege.',
  },
  {
    key: 'kita-digital',
    title: 'Demo: Digitale Kita – Tablets und Eltern-App',
    summary:
      'Demo – Pädagogische Tablets, digitale Portfolios und eine Eltern-App für Nachrichten und Krankmeldungen.',
    description:
      'Kitas dokumentieren die Entwicklung der Kinder in **digitalen Portfolios**; Eltern erhalten Nachrichten und melden Kinder krank über die App.',
    category: ProjectCategory.EDUCATION_CHILDCARE,
    phase: ROLLOUT,
    lead: KUSEL,
    contactEmail: 'digital@kreis-kusel.demo',
    solution: { product: 'Kita-App', vendor: 'Demo EduSoft GmbH', openSource: false },
    startDate: '2024-01-01',
    costs: [
      ['Tablets (60 Stück)', HARDWARE, ONE_OFF, 27_000],
      ['App-Lizenzen', LICENCE, YEARLY, 7_800],
      ['Fortbildung der Fachkräfte', SERVICES, ONE_OFF, 6_500],
    ],
    funding: [['DigitalPakt Kita (Demo)', 16_200, 60]],
    updates: [
      ['2024-04-01', PILOT, 30, 'Vier Kitas testen Portfolio und Eltern-App.'],
      ['2025-05-01', ROLLOUT, 65, '18 Kitas angebunden; Krankmeldungen zu 80 % über die App.'],
    ],
  },
  {
    key: 'kita-portal-idar',
    title: 'Demo: Kita-Portal Idar-Oberstein',
    summary: 'Demo – Nachnutzung des Mainzer Kita-Portals für Stadt und freie Träger.',
    description: 'Idar-Oberstein übernimmt das **Kita-Portal** aus Mainz und bindet die freien Träger ein.',
    category: ProjectCategory.EDUCATION_CHILDCARE,
    phase: ROLLOUT,
    lead: IDAR,
    contactEmail: 'digital@idar-oberstein.demo',
    solution: { product: 'Kita-Portal', vendor: 'Demo Software eG', openSource: true, licence: 'EUPL-1.2' },
    startDate: '2024-06-01',
    costs: [['Anpassung und Schulung', SERVICES, ONE_OFF, 11_000]],
    updates: [
      ['2024-10-01', PILOT, 40, 'Anmeldung für die städtischen Kitas online.'],
      ['2025-07-01', ROLLOUT, 75, 'Zwei freie Träger angebunden.'],
    ],
    origin: { key: 'kita', adaptations: 'Freie Träger als eigene Mandanten.', savingEuro: 17_000 },
  },
  {
    key: 'emergency',
    title: 'Demo: Notfallsimulation für Krisenstäbe',
    summary: 'Demo – Digitale Stabsübung: Starkregen, Stromausfall und Evakuierung am Rechner durchspielen.',
    description:
      'Eine **Simulationsumgebung** spielt Lagen wie Starkregen oder einen flächigen Stromausfall ein. Verwaltungsstab und Feuerwehr üben gemeinsam, die Übung wird automatisch protokolliert.',
    category: ProjectCategory.PUBLIC_SAFETY,
    phase: PILOT,
    lead: MAYEN_KOBLENZ,
    partners: [KOBLENZ],
    solution: { product: 'Stabsübungs-Simulator', vendor: 'Demo Rescue Software GmbH', openSource: false },
    startDate: '2024-09-01',
    costs: [
      ['Szenarien und Einrichtung', SERVICES, ONE_OFF, 32_000],
      ['Lizenz', LICENCE, YEARLY, 6_000],
    ],
    funding: [['Katastrophenschutz-Förderung (Demo)', 19_200, 60]],
    updates: [
      ['2024-12-01', CONCEPT, 20, 'Szenarien mit der Feuerwehr abgestimmt.'],
      ['2025-09-01', PILOT, 50, 'Erste Stabsübung „Starkregen“ mit 25 Beteiligten.'],
    ],
    lessonsLearned: 'Die Lehren aus der Ahr-Flut als Szenario nutzen – mit den Betroffenen vor Ort.',
  },
  {
    key: 'social-wall',
    title: 'Demo: Social Wall für Stadtmarketing',
    summary:
      'Demo – Beiträge aus sozialen Medien, Veranstaltungen und Stadtnachrichten auf Bildschirmen in der Innenstadt.',
    description:
      'Eine **Social Wall** zeigt moderierte Beiträge unter dem Stadt-Hashtag, aktuelle Veranstaltungen und Hinweise der Verwaltung auf Bildschirmen und der Website.',
    category: ProjectCategory.ECONOMY,
    phase: OPERATIONAL,
    lead: NEUSTADT,
    solution: { product: 'Social Wall', vendor: 'Demo Media GmbH', openSource: false },
    startDate: '2023-04-01',
    enteredOn: '2023-11-24',
    costs: [
      ['Bildschirme (4 Stück)', HARDWARE, ONE_OFF, 12_000],
      ['Lizenz', LICENCE, YEARLY, 2_400],
    ],
    updates: [
      ['2023-08-01', PILOT, 60, 'Zwei Bildschirme in der Fußgängerzone.'],
      ['2024-03-01', OPERATIONAL, 100, 'Vier Bildschirme, Moderation durch das Stadtmarketing.'],
    ],
  },
  {
    key: 'social-wall-speyer',
    title: 'Demo: Social Wall Speyer',
    summary: 'Demo – Speyer zeigt Veranstaltungen und Beiträge nach dem Neustadter Vorbild.',
    description: 'Speyer übernimmt das Moderationskonzept der **Social Wall** aus Neustadt.',
    category: ProjectCategory.ECONOMY,
    phase: OPERATIONAL,
    lead: SPEYER,
    solution: { product: 'Social Wall', vendor: 'Demo Media GmbH', openSource: false },
    startDate: '2024-04-01',
    costs: [['Bildschirme (2 Stück)', HARDWARE, ONE_OFF, 6_000]],
    updates: [['2024-09-01', OPERATIONAL, 100, 'Zwei Bildschirme am Altpörtel und am Bahnhof.']],
    origin: {
      key: 'social-wall',
      adaptations: 'Eigenes Moderationsteam der Tourist-Information.',
      savingEuro: 4_000,
    },
  },
  {
    key: 'parking-landau',
    title: 'Demo: Park-App Landau',
    summary: 'Demo – Landau übernimmt Sensorik und App aus Trier für die Parkhäuser der Innenstadt.',
    description:
      'Nachnutzung der **Trierer Park-App**; die Parkhäuser melden ihre freien Plätze über eine Schnittstelle.',
    category: ProjectCategory.MOBILITY,
    phase: PILOT,
    lead: LANDAU,
    solution: { product: 'ParkApp', vendor: 'Demo Mobility GmbH', openSource: false },
    startDate: '2025-06-01',
    costs: [['Schnittstellen zu drei Parkhäusern', SERVICES, ONE_OFF, 9_500]],
    updates: [['2025-10-15', PILOT, 35, 'Drei Parkhäuser angebunden, Straßensensoren folgen.']],
    origin: { key: 'parking', adaptations: 'Nur Parkhäuser, keine Bodensensoren.', savingEuro: 21_000 },
  },
  {
    key: 'parking-ludwigshafen',
    title: 'Demo: Parkleitsystem digital',
    summary: 'Demo – Dynamische Parkleittafeln und offene Parkdaten für Navigations-Apps.',
    description:
      'Die **Parkleittafeln** zeigen Live-Daten; dieselben Daten stehen als Open Data für Apps bereit.',
    category: ProjectCategory.MOBILITY,
    phase: ROLLOUT,
    lead: LUDWIGSHAFEN,
    contactEmail: 'digital@ludwigshafen.demo',
    solution: { product: 'Parkleitsystem', vendor: 'Demo Verkehrstechnik AG', openSource: false },
    startDate: '2023-10-01',
    enteredOn: '2024-01-20',
    costs: [
      ['Leittafeln (12 Stück)', HARDWARE, ONE_OFF, 84_000],
      ['Datenplattform', LICENCE, YEARLY, 5_400],
    ],
    funding: [['Sofortprogramm Saubere Luft (Demo)', 58_800, 70]],
    updates: [
      ['2024-03-01', PILOT, 30, 'Vier Tafeln am Rheinufer in Betrieb.'],
      ['2025-04-01', ROLLOUT, 70, 'Zwölf Tafeln, Open-Data-Schnittstelle veröffentlicht.'],
    ],
  },
  {
    key: 'villages-suedwestpfalz',
    title: 'Demo: Digitale Dörfer Südwestpfalz',
    summary: 'Demo – DorfFunk und DorfNews für die Ortsgemeinden des Landkreises Südwestpfalz.',
    description: 'Nachnutzung der **Digitalen Dörfer** aus dem Landkreis Kusel für 60 Ortsgemeinden.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: ROLLOUT,
    lead: SUEDWESTPFALZ,
    solution: {
      product: 'Digitale Dörfer',
      vendor: 'Fraunhofer IESE',
      openSource: true,
      licence: 'Apache-2.0',
      repositoryUrl: 'https://github.com/digitale-doerfer',
    },
    startDate: '2024-09-01',
    costs: [['Einführung und Schulung', SERVICES, ONE_OFF, 9_000]],
    updates: [
      ['2024-11-01', PILOT, 25, 'Acht Ortsgemeinden aktiv.'],
      ['2025-09-15', ROLLOUT, 55, '31 Ortsgemeinden, 2.400 Nutzende.'],
    ],
    origin: {
      key: 'villages',
      adaptations: 'Schulungen gemeinsam mit der Kreisvolkshochschule.',
      savingEuro: 6_000,
    },
  },
  {
    key: 'villages-donnersberg',
    title: 'Demo: Digitale Dörfer im Donnersbergkreis',
    summary: 'Demo – DorfFunk für Nachbarschaftshilfe in den Verbandsgemeinden des Kreises.',
    description: 'Der Donnersbergkreis führt **DorfFunk** mit den Erfahrungen aus Kusel ein.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: PILOT,
    lead: DONNERSBERG,
    solution: {
      product: 'Digitale Dörfer',
      vendor: 'Fraunhofer IESE',
      openSource: true,
      licence: 'Apache-2.0',
    },
    startDate: '2025-05-01',
    costs: [['Einführung', SERVICES, ONE_OFF, 7_500]],
    updates: [['2025-09-01', PILOT, 20, 'Fünf Ortsgemeinden im Test.']],
    origin: {
      key: 'villages',
      adaptations: 'Start mit Nachbarschaftshilfe, News folgen.',
      savingEuro: 5_000,
    },
  },
  {
    key: 'portal-vulkaneifel',
    title: 'Demo: Bürgerportal Vulkaneifel',
    summary: 'Demo – Der Landkreis Vulkaneifel übernimmt das Bürgerportal aus Cochem-Zell.',
    description: 'Nachnutzung des **Bürgerportals Cochem-Zell**: gleiche Plattform, eigene Dienste.',
    category: ProjectCategory.ADMINISTRATION,
    phase: PILOT,
    lead: VULKANEIFEL,
    partners: [VG_DAUN],
    solution: { product: 'Bürgerportal', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2025-02-01',
    costs: [
      ['Einrichtung', SERVICES, ONE_OFF, 18_000],
      ['Lizenz', LICENCE, YEARLY, 7_200],
    ],
    updates: [['2025-08-01', PILOT, 40, 'Acht Online-Dienste live.']],
    origin: { key: 'portal', adaptations: 'Formulare und Bezahlfunktion übernommen.', savingEuro: 27_000 },
  },
  {
    key: 'portal-rhein-hunsrueck',
    title: 'Demo: Bürgerportal Rhein-Hunsrück',
    summary: 'Demo – Online-Dienste für Kreis und Verbandsgemeinden nach dem Vorbild Cochem-Zell.',
    description: 'Das **Bürgerportal** wird mit den Formularen aus Cochem-Zell aufgebaut.',
    category: ProjectCategory.ADMINISTRATION,
    phase: CONCEPT,
    lead: RHEIN_HUNSRUECK,
    solution: { product: 'Bürgerportal', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2025-09-01',
    costs: [['Einrichtung (geplant)', SERVICES, ONE_OFF, 20_000]],
    updates: [['2025-10-20', CONCEPT, 15, 'Dienste ausgewählt, Vertrag in Vorbereitung.']],
    origin: { key: 'portal', adaptations: 'Zunächst nur Kreisverwaltung.', savingEuro: 25_000 },
  },
  {
    key: 'lorawan',
    title: 'Demo: LoRaWAN-Sensornetz',
    summary: 'Demo – Funknetz für Sensoren: Pegel, Bodenfeuchte, Füllstände von Glascontainern.',
    description:
      'Ein **LoRaWAN-Netz** mit 15 Gateways deckt die Stadt ab. Sensoren melden Pegelstände, Bodenfeuchte der Stadtbäume und Füllstände von Containern.',
    category: ProjectCategory.INFRASTRUCTURE_NETWORKS,
    phase: OPERATIONAL,
    lead: TRIER,
    contactEmail: 'digital@trier.demo',
    solution: {
      product: 'ChirpStack',
      vendor: 'ChirpStack',
      openSource: true,
      licence: 'MIT',
      repositoryUrl: 'https://github.com/chirpstack/chirpstack',
    },
    startDate: '2023-02-01',
    enteredOn: '2023-11-24',
    costs: [
      ['Gateways (15 Stück)', HARDWARE, ONE_OFF, 22_500],
      ['Sensoren', HARDWARE, ONE_OFF, 31_000],
      ['Betrieb', SERVICES, YEARLY, 4_200],
    ],
    updates: [
      ['2023-08-01', PILOT, 50, 'Netz steht, erste 80 Sensoren.'],
      ['2024-05-01', OPERATIONAL, 100, '420 Sensoren; Bewässerung der Stadtbäume nach Bedarf.'],
    ],
  },
  {
    key: 'trees',
    title: 'Demo: Bewässerung der Stadtbäume nach Sensordaten',
    summary: 'Demo – Bodenfeuchtesensoren zeigen, welche Bäume Wasser brauchen.',
    description:
      'Das Grünflächenamt gießt nach **Bodenfeuchte** statt nach Plan – und spart Wasser und Fahrten.',
    category: ProjectCategory.ENVIRONMENT_ENERGY,
    phase: ROLLOUT,
    lead: MAINZ,
    contactEmail: 'digital@mainz.demo',
    solution: { product: 'Baumbewässerungs-Dashboard', openSource: true, licence: 'EUPL-1.2' },
    startDate: '2024-04-01',
    costs: [['Bodenfeuchtesensoren (120 Stück)', HARDWARE, ONE_OFF, 18_000]],
    updates: [
      ['2024-08-01', PILOT, 40, '60 Bäume mit Sensoren, 30 % weniger Gießfahrten.'],
      ['2025-07-01', ROLLOUT, 70, '120 Bäume, Ausweitung auf Neupflanzungen.'],
    ],
  },
  {
    key: 'waste',
    title: 'Demo: Füllstandssensoren für Glascontainer',
    summary: 'Demo – Leerung nach Füllstand statt nach festem Plan.',
    description: 'Sensoren melden den **Füllstand**; die Touren werden täglich neu geplant.',
    category: ProjectCategory.ENVIRONMENT_ENERGY,
    phase: PILOT,
    lead: BAD_KREUZNACH,
    solution: { product: 'Füllstandssensoren', vendor: 'Demo Sensorik GmbH', openSource: false },
    startDate: '2025-03-01',
    costs: [
      ['Sensoren (80 Stück)', HARDWARE, ONE_OFF, 12_000],
      ['Plattform', LICENCE, YEARLY, 2_400],
    ],
    updates: [['2025-09-01', PILOT, 45, '80 Container ausgestattet, 20 % weniger Leerungsfahrten.']],
  },
  {
    key: 'council',
    title: 'Demo: Digitale Ratsarbeit',
    summary: 'Demo – Sitzungsunterlagen, Abstimmungen und Protokolle papierlos für Rat und Ausschüsse.',
    description:
      'Ratsmitglieder erhalten Unterlagen im **Ratsinformationssystem** und per App; die Druckkosten sinken deutlich.',
    category: ProjectCategory.ADMINISTRATION,
    phase: OPERATIONAL,
    lead: BITBURG,
    contactEmail: 'digital@bitburg.demo',
    solution: { product: 'Ratsinformationssystem', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2023-01-01',
    enteredOn: '2024-02-12',
    costs: [
      ['Tablets für Ratsmitglieder', HARDWARE, ONE_OFF, 16_000],
      ['Lizenz', LICENCE, YEARLY, 3_600],
    ],
    updates: [['2023-06-01', OPERATIONAL, 100, 'Papierlose Sitzungen seit Juni 2023.']],
  },
  {
    key: 'council-wittlich',
    title: 'Demo: Digitale Ratsarbeit Wittlich',
    summary: 'Demo – Wittlich übernimmt Konzept und Geräteausstattung aus Bitburg.',
    description: 'Die **digitale Ratsarbeit** aus Bitburg, angepasst an die Geschäftsordnung in Wittlich.',
    category: ProjectCategory.ADMINISTRATION,
    phase: ROLLOUT,
    lead: WITTLICH,
    solution: { product: 'Ratsinformationssystem', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2025-01-01',
    costs: [['Tablets für Ratsmitglieder', HARDWARE, ONE_OFF, 14_000]],
    updates: [['2025-06-01', ROLLOUT, 60, 'Hauptausschuss und Rat arbeiten papierlos.']],
    origin: {
      key: 'council',
      adaptations: 'Eigene Geschäftsordnung, Schulung durch Bitburg.',
      savingEuro: 3_500,
    },
  },
  {
    key: 'maengel',
    title: 'Demo: Mängelmelder',
    summary: 'Demo – Schlaglöcher, wilden Müll und andere Schäden per App melden, mit Rückmeldung.',
    description:
      'Meldungen landen direkt beim zuständigen Amt; Bürgerinnen und Bürger sehen den **Bearbeitungsstand**.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: OPERATIONAL,
    lead: KOBLENZ,
    contactEmail: 'digital@koblenz.demo',
    solution: { product: 'Mängelmelder', openSource: true, licence: 'EUPL-1.2' },
    startDate: '2023-05-01',
    enteredOn: '2023-12-04',
    costs: [
      ['Einrichtung', SERVICES, ONE_OFF, 12_000],
      ['Betrieb', SERVICES, YEARLY, 2_400],
    ],
    updates: [
      ['2023-09-01', PILOT, 60, 'Pilot mit Tiefbau- und Ordnungsamt.'],
      ['2024-02-01', OPERATIONAL, 100, '6.500 Meldungen im ersten Jahr, 90 % in zwei Wochen erledigt.'],
    ],
  },
  {
    key: 'maengel-neuwied',
    title: 'Demo: Mängelmelder Neuwied',
    summary: 'Demo – Neuwied übernimmt den Koblenzer Mängelmelder.',
    description: 'Nachnutzung des **Mängelmelders** mit eigenen Kategorien.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: OPERATIONAL,
    lead: NEUWIED,
    solution: { product: 'Mängelmelder', openSource: true, licence: 'EUPL-1.2' },
    startDate: '2024-06-01',
    costs: [['Einrichtung', SERVICES, ONE_OFF, 3_000]],
    updates: [
      ['2024-09-01', PILOT, 50, 'Pilot mit dem Bauhof.'],
      ['2025-03-01', OPERATIONAL, 100, 'Regelbetrieb für alle Ämter.'],
    ],
    origin: { key: 'maengel', adaptations: 'Eigene Kategorien, Anbindung an den Bauhof.', savingEuro: 9_000 },
  },
  {
    key: 'coworking',
    title: 'Demo: Coworking im ländlichen Raum',
    summary: 'Demo – Arbeitsplätze mit Glasfaser in leerstehenden Ladenlokalen der Ortskerne.',
    description: 'Drei **Coworking-Spaces** beleben Ortskerne und ersparen Pendelwege.',
    category: ProjectCategory.ECONOMY,
    phase: PILOT,
    lead: RAMSTEIN,
    solution: { product: 'Buchungssystem Coworking', openSource: true, licence: 'AGPL-3.0-or-later' },
    startDate: '2024-10-01',
    costs: [
      ['Ausstattung von drei Räumen', OTHER, ONE_OFF, 36_000],
      ['Miete und Glasfaser', OTHER, YEARLY, 14_400],
    ],
    funding: [['LEADER Westpfalz (Demo)', 21_600, 60]],
    updates: [
      ['2025-01-15', PILOT, 30, 'Erster Space in Ramstein eröffnet.'],
      ['2025-08-01', PILOT, 55, 'Zwei Spaces, Auslastung 60 %.'],
    ],
  },
  {
    key: 'telemedicine',
    title: 'Demo: Telemedizin in der Gemeindeschwester-Sprechstunde',
    summary: 'Demo – Gemeindeschwestern verbinden ältere Menschen per Video mit der Hausarztpraxis.',
    description: 'Bei Hausbesuchen schaltet die **Gemeindeschwester plus** die Hausärztin per Video dazu.',
    category: ProjectCategory.HEALTH_SOCIAL,
    phase: PILOT,
    lead: BERNKASTEL,
    solution: { product: 'Videosprechstunde', vendor: 'Demo Health GmbH', openSource: false },
    startDate: '2025-01-01',
    costs: [['Tablets und Lizenzen', HARDWARE, ONE_OFF, 8_500]],
    updates: [['2025-07-01', PILOT, 35, '140 Videosprechstunden in sechs Monaten.']],
  },
  {
    key: 'opendata',
    title: 'Demo: Offene Daten der Region',
    summary: 'Demo – Gemeinsames Open-Data-Portal von Stadt und Landkreis.',
    description: 'Haushalt, Verkehrszählungen und Sensordaten als **offene Daten** unter freier Lizenz.',
    category: ProjectCategory.ADMINISTRATION,
    phase: ROLLOUT,
    lead: KOBLENZ,
    partners: [MAYEN_KOBLENZ],
    contactEmail: 'digital@koblenz.demo',
    solution: {
      product: 'CKAN',
      vendor: 'Open Knowledge Foundation',
      openSource: true,
      licence: 'AGPL-3.0-only',
      repositoryUrl: 'https://github.com/ckan/ckan',
    },
    startDate: '2024-03-01',
    costs: [
      ['Einrichtung', SERVICES, ONE_OFF, 15_000],
      ['Hosting', SERVICES, YEARLY, 2_400],
    ],
    updates: [
      ['2024-07-01', PILOT, 40, '35 Datensätze veröffentlicht.'],
      ['2025-05-01', ROLLOUT, 65, '120 Datensätze, erste Apps von Dritten.'],
    ],
  },
  {
    key: 'wiki-transfer',
    title: 'Demo: Heimatwiki des Landkreises Kaiserslautern',
    summary: 'Demo – Der Landkreis übernimmt Wiki und Redaktionsleitfaden aus Landstuhl.',
    description:
      'Das **Westpfalz Wiki** wächst: der Landkreis steuert Artikel zu allen Verbandsgemeinden bei.',
    category: ProjectCategory.TOURISM_CULTURE,
    phase: TRANSFERRED,
    lead: LK_KL,
    partners: [WEILERBACH],
    solution: {
      product: 'MediaWiki',
      vendor: 'Wikimedia Foundation',
      openSource: true,
      licence: 'GPL-2.0-or-later',
    },
    startDate: '2024-02-01',
    costs: [['Redaktionsschulung', SERVICES, ONE_OFF, 2_000]],
    updates: [
      ['2024-05-01', ROLLOUT, 60, 'Zehn Ehrenamtliche aus dem Landkreis schreiben mit.'],
      ['2025-04-01', TRANSFERRED, 100, 'Redaktion an den Kreisverein für Heimatkunde übergeben.'],
    ],
    origin: {
      key: 'wiki',
      adaptations: 'Artikel zu allen Verbandsgemeinden des Landkreises.',
      savingEuro: 8_000,
    },
  },
  {
    key: 'cochem-wlan',
    title: 'Demo: Freies WLAN an der Moselpromenade',
    summary: 'Demo – Öffentliches WLAN für Gäste und Einheimische an Promenade und Marktplatz.',
    description: '**Freies WLAN** mit 22 Access Points entlang der Mosel.',
    category: ProjectCategory.TOURISM_CULTURE,
    phase: OPERATIONAL,
    lead: VG_COCHEM,
    solution: { product: 'Freifunk', vendor: 'Freifunk Mosel', openSource: true, licence: 'GPL-2.0-only' },
    startDate: '2023-04-01',
    enteredOn: '2024-04-08',
    costs: [['Access Points (22 Stück)', HARDWARE, ONE_OFF, 11_000]],
    updates: [['2023-07-01', OPERATIONAL, 100, 'WLAN in Betrieb, 4.000 Verbindungen am Tag im Sommer.']],
  },
  {
    key: 'appointments',
    title: 'Demo: Online-Terminvergabe für alle Ämter',
    summary: 'Demo – Ein Terminsystem für Bürgerbüro, Kfz-Zulassung und Standesamt.',
    description: 'Termine für alle Ämter **online buchen**, mit Erinnerung per E-Mail.',
    category: ProjectCategory.ADMINISTRATION,
    phase: OPERATIONAL,
    lead: GERMERSHEIM,
    solution: { product: 'Terminvergabe', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2024-01-15',
    costs: [
      ['Einrichtung', SERVICES, ONE_OFF, 6_500],
      ['Lizenz', LICENCE, YEARLY, 3_000],
    ],
    updates: [
      ['2024-04-01', PILOT, 50, 'Kfz-Zulassung bucht online.'],
      ['2024-11-01', OPERATIONAL, 100, 'Alle publikumsintensiven Ämter angebunden.'],
    ],
  },
  {
    key: 'flood-warning',
    title: 'Demo: Pegel- und Starkregenwarnung',
    summary: 'Demo – Pegelsensoren an Bächen warnen früh per App und Sirene.',
    description: 'Nach der Flut 2021: **Pegelsensoren** an zwölf Bächen, Warnung über App und Sirenen.',
    category: ProjectCategory.PUBLIC_SAFETY,
    phase: ROLLOUT,
    lead: AHRWEILER,
    solution: { product: 'Pegelwarnsystem', vendor: 'Demo Sensorik GmbH', openSource: false },
    startDate: '2025-01-01',
    costs: [
      ['Pegelsensoren (12 Stück)', HARDWARE, ONE_OFF, 42_000],
      ['Betrieb', SERVICES, YEARLY, 6_000],
    ],
    funding: [['Wiederaufbauhilfe (Demo)', 42_000, 100]],
    updates: [
      ['2025-03-01', PILOT, 30, 'Vier Sensoren an der Ahr und ihren Zuflüssen.'],
      ['2025-09-01', ROLLOUT, 60, 'Zwölf Sensoren, Warnung in der Kreis-App.'],
    ],
  },
  {
    key: 'school-cloud',
    title: 'Demo: Schul-IT aus einer Hand',
    summary: 'Demo – Gemeinsamer IT-Support und Gerätepool für die Schulen des Kreises.',
    description: 'Ein **Schul-IT-Team** betreut alle Schulen in Trägerschaft des Kreises.',
    category: ProjectCategory.EDUCATION_CHILDCARE,
    phase: CONCEPT,
    lead: TRIER_SAARBURG,
    partners: [KONZ],
    solution: { product: 'Schulverwaltung und Gerätemanagement', openSource: false },
    startDate: '2025-08-01',
    costs: [['IT-Fachkräfte (2 Stellen)', STAFF, YEARLY, 140_000]],
    updates: [['2025-10-01', CONCEPT, 15, 'Bedarf aller 28 Schulen erhoben.']],
  },
  {
    key: 'energy',
    title: 'Demo: Energiemonitoring kommunaler Gebäude',
    summary: 'Demo – Smarte Zähler in Schulen und Rathäusern machen Verbrauch sichtbar.',
    description: '**Energiemonitoring** für 40 Gebäude: Auffälligkeiten werden sofort gemeldet.',
    category: ProjectCategory.ENVIRONMENT_ENERGY,
    phase: IDEA,
    lead: SUEDLICHE_WEINSTRASSE,
    solution: {},
    startDate: '2025-10-01',
    costs: [['Machbarkeitsstudie (geplant)', SERVICES, ONE_OFF, 8_000]],
    updates: [['2025-11-01', IDEA, 5, 'Idee im Kreisausschuss vorgestellt.']],
  },
  {
    key: 'ingelheim-chatbot',
    title: 'Demo: Chatbot für Bürgeranfragen',
    summary: 'Demo – Ein Chatbot beantwortet häufige Fragen rund um die Uhr.',
    description: 'Der **Chatbot** kennt Öffnungszeiten, Zuständigkeiten und Unterlagen.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: PILOT,
    lead: INGELHEIM,
    solution: { product: 'Chatbot', vendor: 'Demo KI GmbH', openSource: false },
    startDate: '2025-03-01',
    costs: [
      ['Einrichtung und Training', SERVICES, ONE_OFF, 14_000],
      ['Lizenz', LICENCE, YEARLY, 4_800],
    ],
    updates: [
      ['2025-08-01', PILOT, 40, '1.100 Anfragen im ersten Quartal, 70 % ohne Rückfrage beantwortet.'],
    ],
  },
  {
    key: 'cochem-zell-kita',
    title: 'Demo: Kita-Portal Cochem-Zell',
    summary: 'Demo – Kreisweites Kita-Portal für die Verbandsgemeinden, nach dem Mainzer Vorbild.',
    description: 'Das Mainzer **Kita-Portal** für einen ganzen Landkreis mit vielen Trägern.',
    category: ProjectCategory.EDUCATION_CHILDCARE,
    phase: PILOT,
    lead: COCHEM_ZELL,
    contactEmail: 'digital@cochem-zell.demo',
    solution: { product: 'Kita-Portal', vendor: 'Demo Software eG', openSource: true, licence: 'EUPL-1.2' },
    startDate: '2025-04-01',
    costs: [['Anpassung für mehrere Träger', SERVICES, ONE_OFF, 16_000]],
    updates: [['2025-09-15', PILOT, 30, 'Zwei Verbandsgemeinden im Pilot.']],
    origin: {
      key: 'kita',
      adaptations: 'Mehrere Träger und Verbandsgemeinden als Mandanten.',
      savingEuro: 12_000,
    },
  },
  {
    key: 'montabaur-bauantrag',
    title: 'Demo: Digitaler Bauantrag',
    summary: 'Demo – Bauanträge online einreichen und den Stand verfolgen.',
    description: 'Der **digitale Bauantrag** nach dem OZG-Standard, gemeinsam mit der Kreisverwaltung.',
    category: ProjectCategory.ADMINISTRATION,
    phase: PILOT,
    lead: MONTABAUR,
    solution: { product: 'Digitaler Bauantrag', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2025-02-01',
    costs: [['Einrichtung', SERVICES, ONE_OFF, 10_000]],
    updates: [['2025-09-01', PILOT, 45, '60 Anträge digital eingegangen.']],
  },
];
