import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationKind, NotificationType } from '@hub/shared';
import { EmailFrequency, Locale, notificationSentence } from '@hub/shared';
import type { OutgoingMail } from '../mail';

/** A notification as an e-mail shows it. */
export interface MailedNotification {
  kind: NotificationKind;
  type: NotificationType;
  subjectType: string;
  subjectId: string;
  subjectTitle: string;
  actorName: string | null;
  excerpt: string | null;
  link: string;
  createdAt: Date;
}

export interface MailRecipient {
  id: string;
  name: string;
  email: string;
  locale: string;
}

/** Signs (person, type) for the one-click unsubscribe link: no sign-in needed, nothing guessable. */
export function unsubscribeSignature(secret: string, userId: string, type: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${type}`).digest('base64url');
}

export function validUnsubscribeSignature(
  secret: string,
  userId: string,
  type: string,
  given: string,
): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, userId, type));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function unsubscribeUrl(publicUrl: string, secret: string, userId: string, type: string): string {
  const query = new URLSearchParams({ u: userId, t: type, s: unsubscribeSignature(secret, userId, type) });
  return `${publicUrl}/api/notifications/unsubscribe?${query}`;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);

const localeOf = (recipient: MailRecipient): Locale =>
  recipient.locale === Locale.EN ? Locale.EN : Locale.DE;

// Made once per language: building an Intl formatter costs far more than formatting.
const DATE_TIME_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  [Locale.DE]: new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }),
  [Locale.EN]: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }),
};

const dateTime = (date: Date, locale: Locale) => DATE_TIME_FORMATS[locale].format(date);

const words = {
  [Locale.DE]: {
    greeting: (name: string) => `Guten Tag ${name},`,
    open: 'Öffnen',
    digestSubject: (count: number, frequency: EmailFrequency) =>
      `${frequency === EmailFrequency.WEEKLY ? 'Ihre Wochenübersicht' : 'Ihre Tagesübersicht'}: ${count} ${count === 1 ? 'Neuigkeit' : 'Neuigkeiten'}`,
    digestIntro: (frequency: EmailFrequency) =>
      frequency === EmailFrequency.WEEKLY
        ? 'das ist in dieser Woche im Netzwerk Digitale Städte RLP passiert:'
        : 'das ist seit gestern im Netzwerk Digitale Städte RLP passiert:',
    unsubscribe: 'Diese Art von E-Mail abbestellen',
    settings: 'Benachrichtigungen einstellen',
  },
  [Locale.EN]: {
    greeting: (name: string) => `Hello ${name},`,
    open: 'Open',
    digestSubject: (count: number, frequency: EmailFrequency) =>
      `${frequency === EmailFrequency.WEEKLY ? 'Your weekly summary' : 'Your daily summary'}: ${count} ${count === 1 ? 'update' : 'updates'}`,
    digestIntro: (frequency: EmailFrequency) =>
      frequency === EmailFrequency.WEEKLY
        ? 'this happened in the Digitale Städte RLP network this week:'
        : 'this happened in the Digitale Städte RLP network since yesterday:',
    unsubscribe: 'Unsubscribe from this kind of e-mail',
    settings: 'Notification settings',
  },
};

/** The path of the notification settings in the web app (the profile page). */
export const SETTINGS_PATH = '/profil#benachrichtigungen';

interface Links {
  publicUrl: string;
  secret: string;
}

/** Headers that let mail programs offer unsubscribing in one click (RFC 2369, RFC 8058). */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** One notification e-mailed at once (the IMMEDIATELY choice). */
export function immediateMail(
  recipient: MailRecipient,
  item: MailedNotification,
  links: Links,
): OutgoingMail {
  const locale = localeOf(recipient);
  const w = words[locale];
  const line = notificationSentence(item.kind, locale, { actor: item.actorName, subject: item.subjectTitle });
  const url = `${links.publicUrl}${item.link}`;
  const unsubscribe = unsubscribeUrl(links.publicUrl, links.secret, recipient.id, item.type);
  const settings = `${links.publicUrl}${SETTINGS_PATH}`;
  const text = [
    w.greeting(recipient.name),
    '',
    `${line}.`,
    ...(item.excerpt ? ['', item.excerpt] : []),
    '',
    `${w.open}: ${url}`,
    '',
    '--',
    `${w.unsubscribe}: ${unsubscribe}`,
    `${w.settings}: ${settings}`,
  ].join('\n');
  const html = htmlDocument(
    locale,
    `<p>${escapeHtml(w.greeting(recipient.name))}</p>
<p><strong>${escapeHtml(line)}.</strong></p>
${item.excerpt ? `<blockquote>${paragraphs(item.excerpt)}</blockquote>` : ''}
<p><a href="${escapeHtml(url)}">${escapeHtml(w.open)}</a></p>`,
    { unsubscribe, settings, w },
  );
  return {
    to: recipient.email,
    kind: `notification.${item.kind}`,
    subject: line.slice(0, 300),
    body: text,
    html,
    headers: unsubscribeHeaders(unsubscribe),
  };
}

/**
 * A digest: the person's notifications grouped by subject (the subject with the newest one
 * first, newest first within), each with its text. The unsubscribe link and header concern the
 * digest's most frequent type, so one click silences what fills the digest most.
 */
export function digestMail(
  recipient: MailRecipient,
  items: MailedNotification[],
  frequency: EmailFrequency,
  links: Links,
): OutgoingMail {
  const locale = localeOf(recipient);
  const w = words[locale];
  const groups = groupBySubject(items);
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  const mainType = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const unsubscribe = unsubscribeUrl(links.publicUrl, links.secret, recipient.id, mainType);
  const settings = `${links.publicUrl}${SETTINGS_PATH}`;
  const textGroups = groups.map((group) =>
    [
      `== ${group.title} ==`,
      ...group.items.flatMap((item) => [
        `* ${notificationSentence(item.kind, locale, { actor: item.actorName, subject: item.subjectTitle })} (${dateTime(item.createdAt, locale)})`,
        ...(item.excerpt ? [indent(item.excerpt)] : []),
      ]),
      `${w.open}: ${links.publicUrl}${group.items[0].link}`,
    ].join('\n'),
  );
  const text = [
    w.greeting(recipient.name),
    '',
    w.digestIntro(frequency),
    '',
    textGroups.join('\n\n'),
    '',
    '--',
    `${w.unsubscribe}: ${unsubscribe}`,
    `${w.settings}: ${settings}`,
  ].join('\n');
  const htmlGroups = groups
    .map(
      (group) => `<h2>${escapeHtml(group.title)}</h2>
<ul>${group.items
        .map(
          (item) =>
            `<li><strong>${escapeHtml(notificationSentence(item.kind, locale, { actor: item.actorName, subject: item.subjectTitle }))}</strong> <small>${escapeHtml(dateTime(item.createdAt, locale))}</small>${item.excerpt ? `<blockquote>${paragraphs(item.excerpt)}</blockquote>` : ''}</li>`,
        )
        .join('')}</ul>
<p><a href="${escapeHtml(`${links.publicUrl}${group.items[0].link}`)}">${escapeHtml(w.open)}</a></p>`,
    )
    .join('\n');
  const html = htmlDocument(
    locale,
    `<p>${escapeHtml(w.greeting(recipient.name))}</p><p>${escapeHtml(w.digestIntro(frequency))}</p>\n${htmlGroups}`,
    { unsubscribe, settings, w },
  );
  return {
    to: recipient.email,
    kind: `digest.${frequency}`,
    subject: w.digestSubject(items.length, frequency),
    body: text,
    html,
    headers: unsubscribeHeaders(unsubscribe),
  };
}

interface SubjectGroup {
  title: string;
  items: MailedNotification[];
}

/** Groups by subject; groups ordered by their newest item, items newest first. */
export function groupBySubject(items: MailedNotification[]): SubjectGroup[] {
  const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const groups = new Map<string, SubjectGroup>();
  for (const item of sorted) {
    const key = `${item.subjectType}:${item.subjectId}`;
    const group = groups.get(key) ?? { title: item.subjectTitle, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  > ${line}`)
    .join('\n');

const paragraphs = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function htmlDocument(
  locale: Locale,
  content: string,
  footer: { unsubscribe: string; settings: string; w: (typeof words)[Locale] },
): string {
  return `<!doctype html>
<html lang="${locale === Locale.EN ? 'en' : 'de'}"><head><meta charset="utf-8"><title>Digitale Städte RLP</title></head>
<body>
${content}
<hr>
<p><small><a href="${escapeHtml(footer.unsubscribe)}">${escapeHtml(footer.w.unsubscribe)}</a> · <a href="${escapeHtml(footer.settings)}">${escapeHtml(footer.w.settings)}</a></small></p>
</body></html>`;
}
