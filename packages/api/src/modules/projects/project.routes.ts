import { ProjectStatus } from '@hub/shared';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { isUuid, maybeIdOf } from '../../graphql/relay';
import type { Logger } from '../../logger';
import { answeredBadParameter, pathParam } from '../../server/route-params';
import { sessionFromRequest } from '../auth';
import { Municipality } from '../municipalities';
import { Project } from './project.entity';
import { projectPolicy } from './project.policy';
import { readableProjectIds } from './project.readable';
import { toPubliccodeYml } from './publiccode';

/**
 * `GET /api/projects/<global ID>/publiccode.yml`: a project's solution as publiccode.yml, the same
 * document as the `publiccodeYml` field. Published projects are public; a draft only for those who
 * may read it (session cookie, as for GraphQL), and 404 for everyone else so that drafts stay unseen.
 */
export function registerProjectRoutes(
  app: Express,
  { dataSource, log }: { dataSource: DataSource; log: Logger },
): void {
  app.get('/api/projects/:id/publiccode.yml', async (req, res) => {
    try {
      const id = maybeIdOf(pathParam(req, 'id'), 'Project');
      const project = id && isUuid(id) ? await dataSource.getRepository(Project).findOneBy({ id }) : null;
      let readable = project !== null && projectPolicy.can(null, 'read', { project, participants: [] });
      if (project && !readable) {
        const session = (await sessionFromRequest(dataSource, req)).resumed;
        const ids = await readableProjectIds(dataSource.manager, session?.user ?? null, [project.id]);
        readable = ids.length === 1;
      }
      if (!project || !readable) {
        res.status(404).type('text/plain').send('There is no such project.');
        return;
      }
      const lead = await dataSource.getRepository(Municipality).findOneBy({ id: project.leadMunicipalityId });
      res
        .type('application/yaml; charset=utf-8')
        .set('Content-Disposition', 'inline; filename="publiccode.yml"')
        .set(
          'Cache-Control',
          project.status === ProjectStatus.PUBLISHED ? 'public, max-age=300' : 'private, no-store',
        )
        .send(toPubliccodeYml(project, lead?.name ?? null));
    } catch (error) {
      if (answeredBadParameter(res, error)) return;
      log.error({ err: error }, 'publiccode.yml failed');
      res.status(500).type('text/plain').send('Internal server error.');
    }
  });
}
