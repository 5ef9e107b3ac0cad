import { Locale, limits } from '@hub/shared';
import type { OutgoingMail } from '../mail';
import type { User } from '../users';

const days = Math.round(limits.invitationTtlHours / 24);

/** The invitation e-mail, in the invited person's language. */
export function invitationMail(user: User, inviter: User, link: string): OutgoingMail {
  const de = user.locale !== Locale.EN;
  return {
    to: user.email,
    kind: 'INVITATION',
    subject: de
      ? 'Einladung in den Hub „Digitale Städte Rheinland-Pfalz“'
      : 'Invitation to the Digitale Städte Rheinland-Pfalz hub',
    body: de
      ? `Guten Tag ${user.name},\n\n${inviter.name} lädt Sie in den Hub des Netzwerks „Digitale Städte Rheinland-Pfalz“ ein.\n\nLegen Sie über diesen Link Ihr Passwort fest (gültig ${days} Tage, nur einmal verwendbar):\n${link}\n\nWenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.`
      : `Hello ${user.name},\n\n${inviter.name} invites you to the hub of the "Digitale Städte Rheinland-Pfalz" network.\n\nSet your password with this link (valid for ${days} days, single use):\n${link}\n\nIf you did not expect this invitation, ignore this e-mail.`,
  };
}

export function passwordResetMail(user: User, link: string): OutgoingMail {
  const de = user.locale !== Locale.EN;
  const hours = limits.passwordResetTtlHours;
  return {
    to: user.email,
    kind: 'PASSWORD_RESET',
    subject: de ? 'Passwort zurücksetzen' : 'Reset your password',
    body: de
      ? `Guten Tag ${user.name},\n\nüber diesen Link setzen Sie ein neues Passwort (gültig ${hours} Stunden, nur einmal verwendbar):\n${link}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.`
      : `Hello ${user.name},\n\nset a new password with this link (valid for ${hours} hours, single use):\n${link}\n\nIf you did not ask for this, ignore this e-mail; your password stays unchanged.`,
  };
}

/** To the old address after a change of the login e-mail, with the link that undoes it. */
export function emailChangedMail(
  user: User,
  previousEmail: string,
  changedBy: User,
  link: string,
): OutgoingMail {
  const de = user.locale !== Locale.EN;
  const days = Math.round(limits.emailChangeRevertTtlHours / 24);
  const byOther = changedBy.id !== user.id;
  return {
    to: previousEmail,
    kind: 'EMAIL_CHANGED',
    subject: de ? 'Ihre Anmelde-Adresse wurde geändert' : 'Your sign-in address was changed',
    body: de
      ? `Guten Tag ${user.name},\n\ndie E-Mail-Adresse, mit der Sie sich im Hub „Digitale Städte Rheinland-Pfalz“ anmelden, wurde${byOther ? ` von ${changedBy.name}` : ''} von ${previousEmail} auf ${user.email} geändert.\n\nWenn Sie das nicht wollten, stellen Sie über diesen Link die bisherige Adresse wieder her (gültig ${days} Tage, nur einmal verwendbar). Dabei werden alle Sitzungen beendet; setzen Sie danach am besten ein neues Passwort:\n${link}\n\nWenn die Änderung gewollt war, müssen Sie nichts tun.`
      : `Hello ${user.name},\n\nthe e-mail address you sign in to the "Digitale Städte Rheinland-Pfalz" hub with was changed${byOther ? ` by ${changedBy.name}` : ''} from ${previousEmail} to ${user.email}.\n\nIf you did not want this, restore the previous address with this link (valid for ${days} days, single use). All sessions will end; we recommend setting a new password afterwards:\n${link}\n\nIf the change was intended, there is nothing to do.`,
  };
}
