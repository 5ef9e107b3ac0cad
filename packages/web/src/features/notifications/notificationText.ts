import { Locale, notificationSentence } from '@hub/shared';
import type { NotificationKind } from '../../gql/graphql';
import type { AppLocale } from '../../i18n';

/** The notification's line in the UI's language (the same sentence its e-mail uses). */
export function notificationLine(
  item: { kind: NotificationKind; actorName: string | null; subjectTitle: string },
  locale: AppLocale,
): string {
  return notificationSentence(item.kind as never, locale === 'en' ? Locale.EN : Locale.DE, {
    actor: item.actorName,
    subject: item.subjectTitle,
  });
}

export interface SubjectGroup<T> {
  key: string;
  title: string;
  items: T[];
}

/** Groups notifications (newest first) by subject, in the order of each subject's newest one. */
export function groupBySubject<T extends { subjectTitle: string; link: string; subjectKey: string }>(
  items: T[],
): SubjectGroup<T>[] {
  const groups = new Map<string, SubjectGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.subjectKey) ?? {
      key: item.subjectKey,
      title: item.subjectTitle,
      items: [],
    };
    group.items.push(item);
    groups.set(item.subjectKey, group);
  }
  return [...groups.values()];
}
