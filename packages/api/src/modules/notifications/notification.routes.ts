import { EmailFrequency, Locale, NotificationType } from '@hub/shared';
import type { Express, Request, Response } from 'express';
import express from 'express';
import type { DataSource } from 'typeorm';
import { isUuid } from '../../graphql/relay';
import type { Logger } from '../../logger';
import { activeRecipients } from '../users';
import { signingSecret } from './notification.delivery';
import { SETTINGS_PATH, validUnsubscribeSignature } from './notification.mails';
import { choosePreference } from './notification.service';

const TYPE_LABELS: Record<NotificationType, Record<Locale, string>> = {
  MENTION: { DE: 'Erwähnungen', EN: 'mentions' },
  REPLY: { DE: 'Antworten in Diskussionen', EN: 'replies in discussions' },
  NEW_THREAD: { DE: 'neue Diskussionen', EN: 'new discussions' },
  MEETING: {
    DE: 'Sitzungen (Einladungen, Änderungen, Absagen)',
    EN: 'meetings (invitations, changes, cancellations)',
  },
  MINUTES: { DE: 'Protokolle', EN: 'minutes' },
  ACTION_ITEM_ASSIGNED: { DE: 'zugewiesene Aufgaben', EN: 'assigned action items' },
  ACTION_ITEM_REMINDER: { DE: 'Erinnerungen an Aufgaben', EN: 'action item reminders' },
  PROJECT_REUSE: {
    DE: 'Interesse an und Nachnutzung von Projekten',
    EN: 'interest in and adoption of projects',
  },
  PROJECT_UPDATE: { DE: 'Neuigkeiten zu gefolgten Projekten', EN: 'news of followed projects' },
  NETWORK_MEMBERSHIP: { DE: 'Mitgliedschaften im Netzwerk', EN: 'network memberships' },
  WORKING_GROUP_MEMBERSHIP: { DE: 'Mitgliedschaften in Arbeitsgruppen', EN: 'working group memberships' },
  PROGRESS_REPORT: { DE: 'Fortschrittsberichte', EN: 'progress reports' },
  INITIATIVE: { DE: 'Netzwerkinitiativen', EN: 'network initiatives' },
};

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);

function page(res: Response, status: number, locale: Locale, title: string, body: string): void {
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="${locale === Locale.EN ? 'en' : 'de'}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

interface UnsubscribeRequest {
  userId: string;
  type: NotificationType;
  locale: Locale;
}

/** The signed link's person and type, or null (and an answered error page) when it is not valid. */
async function checkedLink(
  dataSource: DataSource,
  req: Request,
  res: Response,
): Promise<UnsubscribeRequest | null> {
  const userId = String(req.query.u ?? '');
  const type = String(req.query.t ?? '') as NotificationType;
  const signature = String(req.query.s ?? '');
  const valid =
    isUuid(userId) &&
    Object.values(NotificationType).includes(type) &&
    validUnsubscribeSignature(await signingSecret(dataSource.manager), userId, type, signature);
  const [person] = valid ? await activeRecipients(dataSource.manager, [userId]) : [];
  if (!person) {
    page(
      res,
      400,
      Locale.DE,
      'Link ungültig / Invalid link',
      '<p>Dieser Abmeldelink ist ungültig. / This unsubscribe link is not valid.</p>',
    );
    return null;
  }
  return { userId, type, locale: person.locale === Locale.EN ? Locale.EN : Locale.DE };
}

/**
 * One-click unsubscribe per notification type, without signing in: the link is signed for the
 * person and type. GET shows a confirmation button (mail scanners open links); POST, from that
 * button or from the mail program (RFC 8058 `List-Unsubscribe-Post`), sets e-mail to NEVER.
 */
export function registerNotificationRoutes(
  app: Express,
  { dataSource, log }: { dataSource: DataSource; log: Logger },
) {
  const path = '/api/notifications/unsubscribe';
  app.get(path, async (req, res) => {
    try {
      const link = await checkedLink(dataSource, req, res);
      if (!link) return;
      const label = TYPE_LABELS[link.type][link.locale];
      const action = `${path}?${new URLSearchParams(req.query as Record<string, string>)}`;
      const de = link.locale === Locale.DE;
      page(
        res,
        200,
        link.locale,
        de ? 'E-Mails abbestellen' : 'Unsubscribe',
        `<p>${escapeHtml(de ? `Keine E-Mails mehr zu: ${label}?` : `Stop e-mails about ${label}?`)}</p>` +
          `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(de ? 'Abbestellen' : 'Unsubscribe')}</button></form>`,
      );
    } catch (error) {
      log.error({ err: error }, 'unsubscribe page failed');
      res.status(500).type('text/plain').send('Please try again later.');
    }
  });
  app.post(path, express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    try {
      const link = await checkedLink(dataSource, req, res);
      if (!link) return;
      await dataSource.transaction((manager) =>
        choosePreference(manager, link.userId, link.type, EmailFrequency.NEVER),
      );
      const de = link.locale === Locale.DE;
      const label = TYPE_LABELS[link.type][link.locale];
      page(
        res,
        200,
        link.locale,
        de ? 'Abbestellt' : 'Unsubscribed',
        `<p>${escapeHtml(de ? `Sie erhalten keine E-Mails mehr zu: ${label}. Im Hub sehen Sie diese Benachrichtigungen weiterhin.` : `You will no longer get e-mails about ${label}. You still see these notifications in the hub.`)}</p>` +
          `<p><a href="${escapeHtml(SETTINGS_PATH)}">${escapeHtml(de ? 'Alle Einstellungen' : 'All settings')}</a></p>`,
      );
    } catch (error) {
      log.error({ err: error }, 'unsubscribe failed');
      res.status(500).type('text/plain').send('Please try again later.');
    }
  });
}
