import type { Express, Response } from 'express';
import type { DataSource } from 'typeorm';
import { type ExportTable, toCsv } from '../../exports/spreadsheet';
import { maybeIdOf } from '../../graphql/relay';
import type { Logger } from '../../logger';
import { answeredBadParameter, pathParam } from '../../server/route-params';
import { sessionFromRequest } from '../auth';
import { PrioritisationRound, type RoundResultLine } from './initiative.entity';
import { initiativePolicy } from './initiative.policy';

const decimal = (n: number | undefined) => (n === undefined ? null : n);

/** The result table of a round: rank, initiative, score, voters, criteria means and the distribution. */
function resultTable(round: PrioritisationRound): ExportTable<RoundResultLine> {
  const rating = round.method === 'RATING';
  return {
    sheetName: 'Ergebnis',
    columns: [
      { header: 'Rang', kind: 'integer', width: 6, value: (l) => l.rank },
      { header: 'Initiative', kind: 'text', width: 40, value: (l) => l.title },
      { header: rating ? 'Mittlere Bewertung' : 'Punkte', kind: 'decimal', width: 14, value: (l) => l.score },
      { header: 'Kommunen', kind: 'integer', width: 10, value: (l) => l.voters },
      ...(rating
        ? (
            [
              ['Nutzen', 'benefit'],
              ['Umsetzbarkeit', 'feasibility'],
              ['Übertragbarkeit', 'transferability'],
              ['Dringlichkeit', 'urgency'],
            ] as const
          ).map(([header, key]) => ({
            header,
            kind: 'decimal' as const,
            width: 14,
            value: (l: RoundResultLine) => decimal(l.criteria?.[key]),
          }))
        : []),
      {
        header: rating ? 'Verteilung (Bewertung: Kommunen)' : 'Verteilung (Punkte: Kommunen)',
        kind: 'text',
        width: 40,
        value: (l) => l.distribution.map((d) => `${d.value}: ${d.count}`).join(', '),
      },
    ],
  };
}

/**
 * `GET /api/initiatives/rounds/<global ID>/ergebnis.csv`: the ranked result of a closed round as
 * CSV (German Excel), read like the result itself (session cookie): signed-in people, once the
 * round is closed; 404 otherwise, so nothing of an open round's ballots leaks.
 */
export function registerInitiativeRoutes(
  app: Express,
  { dataSource, log }: { dataSource: DataSource; log: Logger },
) {
  app.get('/api/initiatives/rounds/:id/ergebnis.csv', async (req, res: Response) => {
    try {
      const id = maybeIdOf(pathParam(req, 'id'), 'PrioritisationRound');
      const session = (await sessionFromRequest(dataSource, req)).resumed;
      const round = id ? await dataSource.getRepository(PrioritisationRound).findOneBy({ id }) : null;
      if (!round?.result || !initiativePolicy.can(session?.user ?? null, 'readResult', { round })) {
        res.status(404).type('text/plain').send('There is no such result.');
        return;
      }
      res
        .type('text/csv; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="priorisierung-ergebnis.csv"')
        .set('Cache-Control', 'private, no-store')
        .send(toCsv(resultTable(round), round.result.lines));
    } catch (error) {
      if (answeredBadParameter(res, error)) return;
      log.error({ err: error }, 'round result download failed');
      res.status(500).type('text/plain').send('Internal server error.');
    }
  });
}
