import { projectCategoryLabelsDe, projectPhaseLabelsDe } from '@hub/shared';

/**
 * The forms of a message that depends on a number, by CLDR plural category (`Intl.PluralRules`);
 * `other` is the fallback. German and English need `one` and `other`.
 */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/**
 * German messages, the source of truth: every key the UI uses is defined here first. Placeholders are
 * written `{name}` and are type-checked at every `t()` call. A message that depends on a number is a
 * `PluralForms` object; its `t()` call must pass `count`.
 * The enum labels that exports also write come from packages/shared/src/labels-de.ts: defined once.
 *
 * This file holds only what the first load shows (the shell: header, navigation, footer, errors,
 * and the catalogue /markt, /projekte); every other page's messages are in de.pages.ts, loaded with
 * the page. A key goes here only if a module of the first-load chunk uses it.
 */
export const de = {
  'app.name': 'Digitale Städte Rheinland-Pfalz',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.loading': 'Wird geladen …',
  'app.pageTitle': '{page} – Digitale Städte Rheinland-Pfalz',

  'header.signedInAs': 'Angemeldet als',
  'header.signOut': 'Abmelden',

  'nav.label': 'Hauptnavigation',
  'nav.unread': { one: '{count} ungelesen', other: '{count} ungelesen' },
  'nav.home': 'Start',
  'nav.members': 'Mitglieder',
  'nav.workingGroups': 'Arbeitsgruppen',
  'nav.initiatives': 'Initiativen',
  'nav.projects': 'Projekte',
  'nav.meetings': 'Sitzungen',
  'nav.discussions': 'Diskussionen',
  'nav.auditTrail': 'Protokoll',

  'projects.title': 'Projekte',
  'projects.publicTitle': 'Markt der Projekte',
  'projects.publicSignIn.text': 'Sie arbeiten in einer Mitgliedskommune oder der Koordination?',
  'projects.publicSignIn.link': 'Zur Anmeldung',
  'projects.intro':
    'Projekte der Kommunen im Netzwerk: suchen, vergleichen und nachnutzen statt doppelt bauen.',
  'projects.publicIntro':
    'Veröffentlichte Digitalprojekte der Kommunen in Rheinland-Pfalz – ohne personenbezogene Daten.',
  'projects.create.link': 'Neues Projekt anlegen',
  'projects.search.label': 'Projekte suchen und filtern',
  'projects.search.field': 'Suchbegriff',
  'projects.search.hint':
    'Findet auch andere Wortformen, Teile zusammengesetzter Wörter, Synonyme und kleine Tippfehler; die besten Treffer zuerst.',
  'projects.search.submit': 'Suchen',
  'projects.search.reset': 'Filter zurücksetzen',
  'projects.filters.show': 'Filter anzeigen',
  'projects.filters.hide': 'Filter ausblenden',
  'projects.filters.active': { one: '{count} aktiv', other: '{count} aktiv' },
  'projects.facet.category': 'Kategorie',
  'projects.facet.phase': 'Phase',
  'projects.facet.district': 'Landkreis / kreisfreie Stadt',
  'projects.facet.anyDistrict': 'Alle',
  'projects.facet.more': 'Weitere Merkmale',
  'projects.facet.openSource': 'Open Source',
  'projects.facet.hasCosts': 'Mit Kostenangaben',
  'projects.facet.reusable': 'Nachnutzbar (ab Pilot)',
  'projects.facet.count': '{label} ({count})',
  'search.header.label': 'Alles durchsuchen',
  'search.header.field': 'Überall suchen',
  'search.header.placeholder': 'Suchen (/)',
  'search.header.submit': 'Finden',
  'projects.sort.label': 'Sortierung',
  'projects.sort.NEWEST': 'Neueste zuerst',
  'projects.sort.RECENTLY_UPDATED': 'Zuletzt aktualisiert',
  'projects.sort.MOST_ADOPTED': 'Am häufigsten nachgenutzt',
  'projects.sort.RELEVANCE': 'Beste Treffer zuerst',
  'projects.results': { one: '{count} Projekt', other: '{count} Projekte' },
  'projects.empty': 'Keine Projekte gefunden.',
  'projects.loadMore': 'Weitere Projekte laden',
  'projects.loadFailed': 'Die Projekte konnten nicht geladen werden.',
  'projects.csv': 'Als CSV herunterladen',
  'projects.xlsx': 'Als Excel-Datei (XLSX) herunterladen',
  'projects.demo': 'Demo-Daten',
  'projects.draft': 'Entwurf',
  'projects.networkProject': 'Netzwerkprojekt',
  'projects.lead': 'Federführung: {name}',
  'projects.adoptions': 'Nachnutzungen: {count}',
  'projects.progress': 'Fortschritt: {percent} %',
  'projects.oneOff': 'Einmalig: {amount}',
  'projects.yearly': 'Jährlich: {amount}',
  'projects.category.ADMINISTRATION': projectCategoryLabelsDe.ADMINISTRATION,
  'projects.category.CITIZEN_SERVICES': projectCategoryLabelsDe.CITIZEN_SERVICES,
  'projects.category.PUBLIC_SAFETY': projectCategoryLabelsDe.PUBLIC_SAFETY,
  'projects.category.MOBILITY': projectCategoryLabelsDe.MOBILITY,
  'projects.category.EDUCATION_CHILDCARE': projectCategoryLabelsDe.EDUCATION_CHILDCARE,
  'projects.category.INFRASTRUCTURE_NETWORKS': projectCategoryLabelsDe.INFRASTRUCTURE_NETWORKS,
  'projects.category.TOURISM_CULTURE': projectCategoryLabelsDe.TOURISM_CULTURE,
  'projects.category.HEALTH_SOCIAL': projectCategoryLabelsDe.HEALTH_SOCIAL,
  'projects.category.ENVIRONMENT_ENERGY': projectCategoryLabelsDe.ENVIRONMENT_ENERGY,
  'projects.category.ECONOMY': projectCategoryLabelsDe.ECONOMY,
  'projects.phase.IDEA': projectPhaseLabelsDe.IDEA,
  'projects.phase.CONCEPT': projectPhaseLabelsDe.CONCEPT,
  'projects.phase.PILOT': projectPhaseLabelsDe.PILOT,
  'projects.phase.ROLLOUT': projectPhaseLabelsDe.ROLLOUT,
  'projects.phase.OPERATIONAL': projectPhaseLabelsDe.OPERATIONAL,
  'projects.phase.TRANSFERRED': projectPhaseLabelsDe.TRANSFERRED,
  'projects.phase.DISCONTINUED': projectPhaseLabelsDe.DISCONTINUED,
  'projects.role.LEAD': 'Federführung',
  'projects.role.PARTNER': 'Partner',
  'projects.role.ADOPTER': 'Nachnutzer',
  'projects.role.INTERESTED': 'Interessiert',
  'projects.costType.LICENCE': 'Lizenz',
  'projects.costType.HARDWARE': 'Hardware',
  'projects.costType.SERVICES': 'Dienstleistung',
  'projects.costType.STAFF': 'Personal',
  'projects.costType.OTHER': 'Sonstiges',
  'projects.recurrence.ONE_OFF': 'Einmalig',
  'projects.recurrence.YEARLY': 'Jährlich',
  'projects.figures.title': 'Nachnutzung im Netzwerk',
  'projects.figures.adoptions': 'Nachnutzungen insgesamt: {count}',
  'projects.figures.savings': 'Geschätzte Einsparungen: {amount}',
  'projects.figures.mostReused': 'Am häufigsten nachgenutzt',
  'projects.figures.byCategory': 'Nachnutzungen nach Kategorie',
  'people.profile.title': 'Mein Profil',
  'footer.source': 'Quelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis,',
  'footer.licence': 'dl-de/by-2-0',
  'footer.legal': 'Rechtliches',
  'footer.thesaurus': 'Synonyme der Suche:',

  'role.COORDINATOR': 'Netzwerkkoordination',
  'role.OFFICER': 'Digitalbeauftragte/r',
  'role.MINISTRY': 'Ministerium',

  'error.pageTitle': 'Fehler',
  'error.RATE_LIMITED':
    'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  'error.RATE_LIMITED_ONE_MINUTE':
    'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  'error.RATE_LIMITED_MINUTES':
    'Zu viele Versuche. Bitte warten Sie {minutes} Minuten und versuchen Sie es dann erneut.',
  'error.UNAUTHENTICATED': 'Bitte melden Sie sich an.',
  'error.FORBIDDEN': 'Dazu sind Sie nicht berechtigt.',
  'error.NOT_FOUND': 'Der gesuchte Eintrag wurde nicht gefunden.',
  'error.BAD_USER_INPUT': 'Die Eingaben sind ungültig. Bitte prüfen Sie sie.',
  'error.QUERY_TOO_COMPLEX':
    'Diese Abfrage ist zu umfangreich. Bitte fragen Sie weniger Daten auf einmal ab.',
  'error.REQUEST_TIMEOUT':
    'Die Anfrage hat zu lange gedauert und wurde abgebrochen. Bitte versuchen Sie es erneut.',
  'error.RESPONSE_TOO_LARGE': 'Die Antwort wäre zu groß. Bitte fragen Sie weniger Daten auf einmal ab.',
  'error.INTERNAL_SERVER_ERROR':
    'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
  'error.NETWORK':
    'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.UNKNOWN': 'Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  'error.retry': 'Erneut versuchen',
  'notice.invitationAccepted': 'Willkommen im Netzwerk! Ihr Konto ist jetzt aktiv.',
  'notice.accountActivated': 'Ihr Konto ist jetzt aktiv. Bitte melden Sie sich mit Ihrem neuen Passwort an.',
  'notice.passwordChanged': 'Ihr Passwort wurde geändert. Sie sind jetzt angemeldet.',
  'notice.passwordChangedSignIn':
    'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.',

  'privacy.imprint.title': 'Impressum',

  'privacy.notice.title': 'Datenschutzerklärung',
  'nav.reports': 'Berichte',

  'session.checkFailed': 'Ihre Anmeldung konnte nicht geprüft werden.',

  'notifications.title': 'Benachrichtigungen',
  'notifications.bell.unread': {
    one: 'Benachrichtigungen: {count} ungelesen',
    other: 'Benachrichtigungen: {count} ungelesen',
  },
  'notifications.bell.none': 'Benachrichtigungen: keine ungelesen',
  'notifications.markAllRead': 'Alle als gelesen markieren',
  'notifications.unread': 'ungelesen',
  'notifications.empty': 'Keine Benachrichtigungen.',
  'notifications.showAll': 'Alle Benachrichtigungen',
} as const;
