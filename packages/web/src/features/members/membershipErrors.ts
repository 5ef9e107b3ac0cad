import type { Translate } from '../../i18n';

/** A userError of the membership workflow in the viewer's language; unknown codes show the server's message. */
export function membershipErrorMessage(t: Translate, error: { code: string; message: string }): string {
  switch (error.code) {
    case 'ALREADY_MEMBER':
      return t('members.userError.ALREADY_MEMBER');
    case 'MEMBERSHIP_PENDING':
      return t('members.userError.MEMBERSHIP_PENDING');
    case 'INVALID_TRANSITION':
      return t('members.userError.INVALID_TRANSITION');
    case 'NOT_FOUND':
      return t('members.userError.NOT_FOUND');
    default:
      return error.message;
  }
}
