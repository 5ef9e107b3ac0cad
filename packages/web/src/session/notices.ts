import { useLocation } from 'react-router';
import type { PlainMessageKey } from '../i18n';

/** One-time confirmations that a page shows after a redirect, carried in the history state. */
const noticeMessages = {
  invitationAccepted: 'notice.invitationAccepted',
  accountActivated: 'notice.accountActivated',
  passwordChanged: 'notice.passwordChanged',
  passwordChangedSignIn: 'notice.passwordChangedSignIn',
} as const satisfies Record<string, PlainMessageKey>;

export type Notice = keyof typeof noticeMessages;

export function noticeState(notice: Notice): { notice: Notice } {
  return { notice };
}

/** The message key of the notice the current location carries, if any. */
export function useNoticeMessage(): PlainMessageKey | null {
  const { state } = useLocation();
  const notice: unknown = state && typeof state === 'object' && 'notice' in state ? state.notice : null;
  return typeof notice === 'string' && notice in noticeMessages ? noticeMessages[notice as Notice] : null;
}
