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
  'home.roleWithMunicipality': 'Sie sind mit der Rolle „{role}“ für {municipality} angemeldet.',
  'home.role': 'Sie sind mit der Rolle „{role}“ angemeldet.',
  'home.intro':
    'Hier entsteht der gemeinsame Arbeitsbereich des Netzwerks: Mitglieder, Arbeitsgruppen, Projekte, Sitzungen, Diskussionen und Berichte.',

  'notice.signedOut': 'Sie wurden abgemeldet.',
  'notice.invitationAccepted': 'Willkommen im Netzwerk! Ihr Konto ist jetzt aktiv.',
  'notice.accountActivated': 'Ihr Konto ist jetzt aktiv. Bitte melden Sie sich mit Ihrem neuen Passwort an.',
  'notice.passwordChanged': 'Ihr Passwort wurde geändert. Sie sind jetzt angemeldet.',
  'notice.passwordChangedSignIn':
    'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.',

  'section.underConstruction': 'Dieser Bereich wird gerade aufgebaut.',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Unter dieser Adresse gibt es keine Seite. Vielleicht hat sich die Adresse geändert.',
  'notFound.home': 'Zur Startseite',

  'session.checkFailed': 'Ihre Anmeldung konnte nicht geprüft werden.',
} as const;

export type MessageKey = keyof typeof de;

/** The shape every other language must fill: the same keys, any wording. */
export type MessageCatalogue = { readonly [K in MessageKey]: string };
