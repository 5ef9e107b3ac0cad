import type { MessageCatalogue } from './de';

/** English messages; the type makes a missing or extra key a compile error. */
export const en: MessageCatalogue = {
  'app.name': 'Digitale Städte Rheinland-Pfalz',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading …',
  'app.pageTitle': '{page} – Digitale Städte Rheinland-Pfalz',

  'header.signedInAs': 'Signed in as',
  'header.signOut': 'Sign out',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.members': 'Members',
  'nav.workingGroups': 'Working groups',
  'nav.projects': 'Projects',
  'nav.meetings': 'Meetings',
  'nav.discussions': 'Discussions',
  'nav.reports': 'Reports',

  'footer.label': 'Footer',
  'footer.source': 'Source: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis,',
  'footer.licence': 'dl-de/by-2-0',

  'role.COORDINATOR': 'Network coordination',
  'role.OFFICER': 'Digital officer',
  'role.MINISTRY': 'Ministry',

  'field.email': 'Email',
  'field.password': 'Password',
  'field.passwordConfirmation': 'Repeat password',
  'field.newPasswordHint':
    'At least {min} characters. A long passphrase of several words is safer than a short string of symbols.',

  'form.errorSummaryTitle': 'Please check your entries',
  'form.sending': 'Sending …',

  'validation.emailRequired': 'Please enter your email address.',
  'validation.emailInvalid': 'Please enter a valid email address, for example name@municipality.de.',
  'validation.passwordRequired': 'Please enter your password.',
  'validation.passwordTooShort': 'The password must be at least {min} characters long.',
  'validation.passwordTooLong': 'The password must be at most {max} characters long.',
  'validation.passwordConfirmationRequired': 'Please repeat the password.',
  'validation.passwordMismatch': 'The two passwords do not match.',

  'userError.INVALID_CREDENTIALS': 'The email address or the password is not correct.',
  'userError.TOKEN_INVALID': 'This link is invalid, has expired or has already been used.',
  'userError.PASSWORD_TOO_SHORT': 'The password must be at least {min} characters long.',

  'error.pageTitle': 'Error',
  'error.RATE_LIMITED': 'Too many attempts. Please wait a few minutes and then try again.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'The requested item was not found.',
  'error.BAD_USER_INPUT': 'The input is invalid. Please check it.',
  'error.INTERNAL_SERVER_ERROR': 'An error occurred on the server. Please try again later.',
  'error.NETWORK': 'The server cannot be reached. Please check your connection and try again.',
  'error.UNKNOWN': 'An unexpected error occurred. Please try again.',
  'error.retry': 'Try again',

  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with the email address you were invited with.',
  'signIn.submit': 'Sign in',
  'signIn.forgotPassword': 'Forgot your password?',
  'signIn.sessionExpired': 'Please sign in to open this page.',

  'invitation.title': 'Accept invitation',
  'invitation.intro':
    'You have been invited to the “Digitale Städte Rheinland-Pfalz” network. Choose a password to activate your account.',
  'invitation.invitedName': 'Name',
  'invitation.invitedEmail': 'Email address',
  'invitation.validUntil': 'Valid until',
  'invitation.submit': 'Activate account',
  'invitation.invalidTitle': 'Invalid invitation',
  'invitation.invalid':
    'This invitation link is invalid, has expired or has already been used. Please contact the network coordination for a new invitation.',

  'forgotPassword.title': 'Forgot password',
  'forgotPassword.intro':
    'Enter the email address of your account. We will send you a link to choose a new password.',
  'forgotPassword.submit': 'Send link',
  'forgotPassword.sentTitle': 'Please check your inbox',
  'forgotPassword.sent':
    'If an account with this email address exists, we have sent you an email with a link to reset your password. The link is valid for {hours} hours.',
  'forgotPassword.backToSignIn': 'Back to sign-in',

  'resetPassword.title': 'Choose a new password',
  'resetPassword.intro': 'Choose a new password for {email}.',
  'resetPassword.submit': 'Save password',
  'resetPassword.invalidTitle': 'Invalid link',
  'resetPassword.invalid': 'This reset link is invalid, has expired or has already been used.',
  'resetPassword.requestNew': 'Request a new link',

  'home.title': 'Home',
  'home.greeting': 'Welcome, {name}!',
  'home.roleWithMunicipality': 'You are signed in with the role “{role}” for {municipality}.',
  'home.role': 'You are signed in with the role “{role}”.',
  'home.intro':
    'This is where the network’s shared workspace is taking shape: members, working groups, projects, meetings, discussions and reports.',

  'notice.signedOut': 'You have been signed out.',
  'notice.invitationAccepted': 'Welcome to the network! Your account is now active.',
  'notice.accountActivated': 'Your account is now active. Please sign in with your new password.',
  'notice.passwordChanged': 'Your password has been changed. You are now signed in.',
  'notice.passwordChangedSignIn': 'Your password has been changed. Please sign in with the new password.',

  'section.underConstruction': 'This section is being built.',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page at this address. Perhaps the address has changed.',
  'notFound.home': 'Go to the home page',

  'session.checkFailed': 'Your sign-in could not be checked.',
};
