import type { Express, Request } from 'express';
import type { DataSource } from 'typeorm';
import { isUuid } from '../../graphql/relay';
import type { Logger } from '../../logger';
import { answeredBadParameter, pathParam } from '../../server/route-params';
import { sessionFromRequest } from '../auth';
import { feedOwner, meetingsForFeed } from './calendar-feed.service';
import { Meeting } from './meeting.entity';
import { meetingsToICalendar } from './meeting.ical';
import { meetingPolicy } from './meeting.policy';

const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}`;

/**
 * iCalendar routes: `/calendar/meetings/<id>.ics` for a signed-in person (session cookie) and
 * `/calendar/feed/<secret>.ics`, the personal subscription that works without a session.
 */
export function registerMeetingRoutes(
  app: Express,
  { dataSource, log }: { dataSource: DataSource; log: Logger },
): void {
  app.get('/calendar/meetings/:file', async (req, res) => {
    try {
      const id = pathParam(req, 'file').replace(/\.ics$/, '');
      const session = (await sessionFromRequest(dataSource, req)).resumed;
      if (!session) {
        res.status(401).type('text/plain').send('Sign in first.');
        return;
      }
      const meeting = isUuid(id) ? await dataSource.getRepository(Meeting).findOneBy({ id }) : null;
      if (!meeting || !meetingPolicy.can(session.user, 'read')) {
        res.status(404).type('text/plain').send('No such meeting.');
        return;
      }
      res
        .type('text/calendar; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="meeting-${meeting.id}.ics"`)
        .set('Cache-Control', 'private, no-store')
        .send(meetingsToICalendar([meeting], { name: meeting.title, baseUrl: baseUrl(req) }));
    } catch (error) {
      if (answeredBadParameter(res, error)) return;
      log.error({ err: error }, 'meeting calendar failed');
      res.status(500).type('text/plain').send('Internal server error.');
    }
  });

  app.get('/calendar/feed/:file', async (req, res) => {
    try {
      const token = pathParam(req, 'file').replace(/\.ics$/, '');
      const owner = token.length >= 20 && token.length <= 100 ? await feedOwner(dataSource, token) : null;
      if (!owner) {
        res.status(404).type('text/plain').send('Unknown or revoked calendar feed.');
        return;
      }
      const meetings = await meetingsForFeed(dataSource, owner.id);
      res
        .type('text/calendar; charset=utf-8')
        .set('Cache-Control', 'private, no-store')
        .send(meetingsToICalendar(meetings, { name: 'Digitale Städte RLP', baseUrl: baseUrl(req) }));
    } catch (error) {
      if (answeredBadParameter(res, error)) return;
      log.error({ err: error }, 'calendar feed failed');
      res.status(500).type('text/plain').send('Internal server error.');
    }
  });
}
