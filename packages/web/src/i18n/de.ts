/**
 * German messages, the source of truth: every key the UI uses is defined here first. Placeholders are
 * written `{name}` and are type-checked at every `t()` call.
 */
export const de = {
  'app.name': 'Digitale Städte Rheinland-Pfalz',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.loading': 'Wird geladen …',
  'app.pageTitle': '{page} – Digitale Städte Rheinland-Pfalz',

  'header.signedInAs': 'Angemeldet als',
  'header.signOut': 'Abmelden',

  'nav.label': 'Hauptnavigation',
  'nav.home': 'Start',
  'nav.members': 'Mitglieder',
  'nav.workingGroups': 'Arbeitsgruppen',
  'nav.projects': 'Projekte',
  'nav.meetings': 'Sitzungen',
  'nav.discussions': 'Diskussionen',
  'nav.reports': 'Berichte',

  'footer.label': 'Fußzeile',
  'footer.source': 'Quelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis,',
  'footer.licence': 'dl-de/by-2-0',

  'role.COORDINATOR': 'Netzwerkkoordination',
  'role.OFFICER': 'Digitalbeauftragte/r',
  'role.MINISTRY': 'Ministerium',

  'field.email': 'E-Mail',
  'field.password': 'Passwort',
  'field.passwordConfirmation': 'Passwort wiederholen',
  'field.newPasswordHint':
    'Mindestens {min} Zeichen. Eine lange Passphrase aus mehreren Wörtern ist sicherer als eine kurze Zeichenfolge.',

  'form.errorSummaryTitle': 'Bitte prüfen Sie Ihre Angaben',
  'form.sending': 'Wird gesendet …',

  'validation.emailRequired': 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
  'validation.emailInvalid': 'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@kommune.de.',
  'validation.passwordRequired': 'Bitte geben Sie Ihr Passwort ein.',
  'validation.passwordTooShort': 'Das Passwort muss mindestens {min} Zeichen lang sein.',
  'validation.passwordTooLong': 'Das Passwort darf höchstens {max} Zeichen lang sein.',
  'validation.passwordConfirmationRequired': 'Bitte wiederholen Sie das Passwort.',
  'validation.passwordMismatch': 'Die beiden Passwörter stimmen nicht überein.',

  'userError.INVALID_CREDENTIALS': 'Die E-Mail-Adresse oder das Passwort ist nicht richtig.',
  'userError.TOKEN_INVALID': 'Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet.',
  'userError.PASSWORD_TOO_SHORT': 'Das Passwort muss mindestens {min} Zeichen lang sein.',

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
  'error.INTERNAL_SERVER_ERROR':
    'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
  'error.NETWORK':
    'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.UNKNOWN': 'Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  'error.retry': 'Erneut versuchen',

  'signIn.title': 'Anmelden',
  'signIn.intro': 'Melden Sie sich mit der E-Mail-Adresse an, mit der Sie eingeladen wurden.',
  'signIn.submit': 'Anmelden',
  'signIn.forgotPassword': 'Passwort vergessen?',
  'signIn.sessionExpired': 'Bitte melden Sie sich an, um diese Seite aufzurufen.',

  'invitation.title': 'Einladung annehmen',
  'invitation.intro':
    'Sie wurden in das Netzwerk „Digitale Städte Rheinland-Pfalz“ eingeladen. Legen Sie ein Passwort fest, um Ihr Konto zu aktivieren.',
  'invitation.invitedName': 'Name',
  'invitation.invitedEmail': 'E-Mail-Adresse',
  'invitation.validUntil': 'Gültig bis',
  'invitation.submit': 'Konto aktivieren',
  'invitation.invalidTitle': 'Einladung ungültig',
  'invitation.invalid':
    'Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte wenden Sie sich an die Netzwerkkoordination, um eine neue Einladung zu erhalten.',

  'forgotPassword.title': 'Passwort vergessen',
  'forgotPassword.intro':
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen können.',
  'forgotPassword.submit': 'Link anfordern',
  'forgotPassword.sentTitle': 'Bitte prüfen Sie Ihr Postfach',
  'forgotPassword.sent':
    'Falls ein Konto mit dieser E-Mail-Adresse existiert, haben wir Ihnen eine E-Mail mit einem Link zum Zurücksetzen des Passworts geschickt. Der Link ist {hours} Stunden gültig.',
  'forgotPassword.backToSignIn': 'Zurück zur Anmeldung',

  'resetPassword.title': 'Neues Passwort festlegen',
  'resetPassword.intro': 'Legen Sie ein neues Passwort für {email} fest.',
  'resetPassword.submit': 'Passwort speichern',
  'resetPassword.invalidTitle': 'Link ungültig',
  'resetPassword.invalid':
    'Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder wurde bereits verwendet.',
  'resetPassword.requestNew': 'Neuen Link anfordern',

  'home.title': 'Start',
  'home.greeting': 'Willkommen, {name}!',
  'home.roleWithAffiliation': 'Sie sind mit der Rolle „{role}“ für {affiliation} angemeldet.',
  'home.role': 'Sie sind mit der Rolle „{role}“ angemeldet.',
  'home.intro':
    'Hier entsteht der gemeinsame Arbeitsbereich des Netzwerks: Mitglieder, Arbeitsgruppen, Projekte, Sitzungen, Diskussionen und Berichte.',

  'notice.signedOut': 'Sie wurden abgemeldet.',
  'notice.invitationAccepted': 'Willkommen im Netzwerk! Ihr Konto ist jetzt aktiv.',
  'notice.accountActivated': 'Ihr Konto ist jetzt aktiv. Bitte melden Sie sich mit Ihrem neuen Passwort an.',
  'notice.passwordChanged': 'Ihr Passwort wurde geändert. Sie sind jetzt angemeldet.',
  'notice.passwordChangedSignIn':
    'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.',

  'workingGroups.title': 'Arbeitsgruppen',
  'workingGroups.intro':
    'In Arbeitsgruppen arbeiten Digitalbeauftragte an einem Thema zusammen. Treten Sie einer Gruppe bei, um mitzuwirken.',
  'workingGroups.create.link': 'Arbeitsgruppe anlegen',
  'workingGroups.create.title': 'Arbeitsgruppe anlegen',
  'workingGroups.create.intro':
    'Legen Sie Name, Thema, Beschreibung und Ziele fest. Die Leitung ernennen Sie danach auf der Seite der Gruppe aus ihren Mitgliedern.',
  'workingGroups.create.submit': 'Arbeitsgruppe anlegen',
  'workingGroups.filter.label': 'Arbeitsgruppen filtern',
  'workingGroups.filter.search': 'Suche in Name, Thema und Beschreibung',
  'workingGroups.filter.archived': 'Nur archivierte Arbeitsgruppen zeigen',
  'workingGroups.filter.ownMunicipality': 'Nur Gruppen mit Mitgliedern aus meiner Kommune',
  'workingGroups.filter.submit': 'Anzeigen',
  'workingGroups.resultCount': 'Gefundene Arbeitsgruppen: {count}',
  'workingGroups.empty': 'Keine Arbeitsgruppe passt zu diesen Angaben.',
  'workingGroups.loadMore': 'Weitere Arbeitsgruppen laden',
  'workingGroups.memberCount': 'Mitglieder: {count}',
  'workingGroups.archived': 'Archiviert',
  'workingGroups.archivedNotice': 'Diese Arbeitsgruppe ist archiviert und kann nicht mehr geändert werden.',
  'workingGroups.relation.heading': 'Ihre Mitwirkung',
  'workingGroups.relation.none': 'Sie sind nicht Mitglied dieser Arbeitsgruppe.',
  'workingGroups.relation.requested': 'Beitritt angefragt',
  'workingGroups.relation.lead': 'Sie leiten die Gruppe',
  'workingGroups.relation.member': 'Sie sind Mitglied',
  'workingGroups.relation.requestedLong': 'Sie haben den Beitritt angefragt. Die Leitung entscheidet darüber.',
  'workingGroups.relation.leadLong': 'Sie leiten diese Arbeitsgruppe.',
  'workingGroups.relation.memberLong': 'Sie sind Mitglied dieser Arbeitsgruppe.',
  'workingGroups.requestToJoin': 'Beitritt anfragen',
  'workingGroups.requested': 'Ihre Anfrage wurde an die Leitung der Gruppe geschickt.',
  'workingGroups.leave': 'Arbeitsgruppe verlassen',
  'workingGroups.withdraw': 'Anfrage zurückziehen',
  'workingGroups.confirmLeave': 'Möchten Sie die Arbeitsgruppe wirklich verlassen?',
  'workingGroups.confirmWithdraw': 'Möchten Sie Ihre Anfrage wirklich zurückziehen?',
  'workingGroups.left': 'Sie haben die Arbeitsgruppe verlassen.',
  'workingGroups.withdrawn': 'Ihre Anfrage wurde zurückgezogen.',
  'workingGroups.archive': 'Arbeitsgruppe archivieren',
  'workingGroups.confirmArchive':
    'Möchten Sie die Arbeitsgruppe „{name}“ wirklich archivieren? Offene Anfragen werden abgelehnt, danach sind keine Änderungen mehr möglich.',
  'workingGroups.archivedDone': 'Die Arbeitsgruppe wurde archiviert.',
  'workingGroups.notFound': 'Arbeitsgruppe nicht gefunden',
  'workingGroups.notFoundText': 'Diese Arbeitsgruppe gibt es nicht (mehr).',
  'workingGroups.backToList': 'Zurück zu allen Arbeitsgruppen',
  'workingGroups.leads': 'Leitung',
  'workingGroups.noLeads': 'Noch keine Leitung ernannt',
  'workingGroups.noDescription': 'Noch keine Beschreibung.',
  'workingGroups.noGoals': 'Noch keine Ziele festgelegt.',
  'workingGroups.field.name': 'Name',
  'workingGroups.field.topic': 'Thema',
  'workingGroups.field.topicHint': 'Zum Beispiel „Smart City“ oder „Digitale Verwaltung“.',
  'workingGroups.field.description': 'Beschreibung',
  'workingGroups.field.goals': 'Ziele',
  'workingGroups.form.optional': '(optional)',
  'workingGroups.validation.name': 'Der Name muss zwischen {min} und {max} Zeichen lang sein.',
  'workingGroups.validation.topic': 'Das Thema muss zwischen {min} und {max} Zeichen lang sein.',
  'workingGroups.role.LEAD': 'Leitung',
  'workingGroups.role.MEMBER': 'Mitglied',
  'workingGroups.requests.heading': 'Offene Beitrittsanfragen ({count})',
  'workingGroups.requests.empty': 'Es gibt keine offenen Anfragen.',
  'workingGroups.requests.since': 'Angefragt am {date}',
  'workingGroups.requests.accept': 'Annehmen',
  'workingGroups.requests.decline': 'Ablehnen',
  'workingGroups.members.heading': 'Mitglieder ({count})',
  'workingGroups.members.empty': 'Die Gruppe hat noch keine Mitglieder.',
  'workingGroups.members.caption': 'Mitglieder der Arbeitsgruppe mit Kommune, Rolle und Beitrittsdatum',
  'workingGroups.members.name': 'Name',
  'workingGroups.members.municipality': 'Kommune',
  'workingGroups.members.role': 'Rolle',
  'workingGroups.members.since': 'Mitglied seit',
  'workingGroups.members.actions': 'Aktionen',
  'workingGroups.members.appointLead': 'Zur Leitung ernennen',
  'workingGroups.members.demoteLead': 'Leitung entziehen',
  'workingGroups.members.remove': 'Entfernen',
  'workingGroups.members.confirmRemove': 'Möchten Sie {name} wirklich aus der Arbeitsgruppe entfernen?',
  'workingGroups.done.accept': '{name} ist jetzt Mitglied der Arbeitsgruppe.',
  'workingGroups.done.decline': 'Die Anfrage von {name} wurde abgelehnt.',
  'workingGroups.done.appointLead': '{name} leitet die Arbeitsgruppe jetzt mit.',
  'workingGroups.done.demoteLead': '{name} ist jetzt Mitglied ohne Leitungsrolle.',
  'workingGroups.done.remove': '{name} wurde aus der Arbeitsgruppe entfernt.',
  'workingGroups.userError.NAME_TAKEN': 'Eine offene Arbeitsgruppe trägt bereits diesen Namen.',
  'workingGroups.userError.VALIDATION': 'Bitte füllen Sie das Feld aus (mindestens {min} Zeichen).',
  'workingGroups.userError.UNKNOWN_LEAD': 'Die Leitung muss eine aktive Person aus Koordination oder Kommune sein.',
  'workingGroups.userError.NOT_FOUND': 'Die Arbeitsgruppe oder Mitgliedschaft gibt es nicht (mehr).',
  'workingGroups.userError.GROUP_ARCHIVED': 'Diese Arbeitsgruppe ist archiviert und kann nicht mehr geändert werden.',
  'workingGroups.userError.ALREADY_REQUESTED': 'Sie haben den Beitritt bereits angefragt.',
  'workingGroups.userError.ALREADY_MEMBER': 'Sie sind bereits Mitglied dieser Arbeitsgruppe.',
  'workingGroups.userError.NOT_REQUESTED': 'Zu dieser Person liegt keine offene Anfrage (mehr) vor.',
  'workingGroups.userError.NOT_ACTIVE': 'Diese Person ist kein aktives Mitglied der Gruppe.',
  'workingGroups.userError.ALREADY_LEAD': 'Diese Person leitet die Gruppe bereits.',
  'workingGroups.userError.NOT_LEAD': 'Diese Person leitet die Gruppe nicht.',
  'workingGroups.userError.LAST_LEAD':
    'Eine Arbeitsgruppe braucht mindestens eine Leitung. Ernennen Sie zuerst eine weitere Person zur Leitung.',
  'workingGroups.userError.USE_LEAVE': 'Um die Gruppe selbst zu verlassen, nutzen Sie „Arbeitsgruppe verlassen“.',
  'workingGroups.userError.NOT_A_MEMBER': 'Sie sind nicht Mitglied dieser Arbeitsgruppe.',

  'section.underConstruction': 'Dieser Bereich wird gerade aufgebaut.',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Unter dieser Adresse gibt es keine Seite. Vielleicht hat sich die Adresse geändert.',
  'notFound.home': 'Zur Startseite',

  'session.checkFailed': 'Ihre Anmeldung konnte nicht geprüft werden.',
} as const;

export type MessageKey = keyof typeof de;

/** The shape every other language must fill: the same keys, any wording. */
export type MessageCatalogue = { readonly [K in MessageKey]: string };
