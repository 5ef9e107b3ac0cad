/**
 * The floor of the throughput benchmark: the least a Node server can do to answer the catalogue
 * page that `throughput.ts` asks the hub for. Plain `node:http` and `pg`, no GraphQL, no ORM: one
 * SQL statement that builds the whole JSON answer (page of 50 with lead municipality and its
 * district, participants, latest status update, adopter count, total count), plus the session
 * lookup when the request carries a session cookie. The hub's read rule for drafts is written out
 * here by hand on purpose: the floor is a yardstick, not a second implementation to maintain.
 *   DATABASE_URL, PORT (on 127.0.0.1), DB_POOL_SIZE (default 10).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
});

const SESSION = `SELECT u.id, u.role, u.municipality_id FROM session s JOIN app_user u ON u.id = s.user_id
  WHERE s.id = $1 AND s.expires_at > now() AND s.last_seen_at > now() - interval '7 days' AND u.status = 'ACTIVE'`;

// $1: the officer's municipality (null: anonymous, or published only); $2: page size.
const CATALOGUE = `WITH visible AS (
    SELECT p.id, p.title, p.summary, p.category, p.phase, p.adoption_count, p.lead_municipality_id, p.created_at
      FROM project p
     WHERE p.status = 'PUBLISHED'
        OR ($1::uuid IS NOT NULL AND (p.lead_municipality_id = $1::uuid OR EXISTS (
              SELECT 1 FROM project_participant vp WHERE vp.project_id = p.id AND vp.municipality_id = $1::uuid
                 AND vp.role IN ('LEAD', 'PARTNER'))))
  ), page AS (
    SELECT * FROM visible ORDER BY created_at DESC, id DESC LIMIT $2::int + 1
  ), numbered AS (
    SELECT page.*, row_number() OVER (ORDER BY created_at DESC, id DESC) AS n FROM page
  )
  SELECT json_build_object('data', json_build_object('projects', json_build_object(
    'totalCount', (SELECT count(*) FROM visible),
    'pageInfo', json_build_object(
      'hasNextPage', count(*) > $2::int,
      'endCursor', max(CASE WHEN numbered.n = LEAST($2::int, (SELECT count(*) FROM page)) THEN
        encode(convert_to(to_char(numbered.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || numbered.id, 'UTF8'), 'base64') END)),
    'edges', COALESCE(json_agg(json_build_object('node', json_build_object(
      'id', translate(encode(convert_to('Project:' || numbered.id, 'UTF8'), 'base64'), E'+/=\\n', '-_'),
      'title', numbered.title, 'summary', numbered.summary, 'category', numbered.category, 'phase', numbered.phase,
      'adoptionCount', numbered.adoption_count, 'progressPercent', su.progress_percent,
      'leadMunicipality', json_build_object(
        'id', translate(encode(convert_to('Municipality:' || lead.id, 'UTF8'), 'base64'), E'+/=\\n', '-_'),
        'name', lead.name, 'district', CASE WHEN district.id IS NULL THEN NULL ELSE json_build_object('name', district.name) END),
      'participants', parts.list,
      'latestStatusUpdate', CASE WHEN su.project_id IS NULL THEN NULL
        ELSE json_build_object('reportedOn', su.reported_on, 'progressPercent', su.progress_percent) END
    )) ORDER BY numbered.n) FILTER (WHERE numbered.n <= $2::int), '[]'::json)
  )))::text AS body
  FROM numbered
  JOIN municipality lead ON lead.id = numbered.lead_municipality_id
  LEFT JOIN municipality district ON district.id = lead.district_id
  LEFT JOIN LATERAL (
    SELECT u.project_id, u.reported_on, u.progress_percent FROM project_status_update u
     WHERE u.project_id = numbered.id ORDER BY u.reported_on DESC, u.created_at DESC LIMIT 1
  ) su ON true
  LEFT JOIN LATERAL (
    SELECT COALESCE(json_agg(json_build_object('role', pp.role, 'municipality', json_build_object(
             'id', translate(encode(convert_to('Municipality:' || m.id, 'UTF8'), 'base64'), E'+/=\\n', '-_'), 'name', m.name))
             ORDER BY pp.created_at), '[]'::json) AS list
      FROM project_participant pp JOIN municipality m ON m.id = pp.municipality_id
     WHERE pp.project_id = numbered.id
  ) parts ON true`;

function sessionToken(cookie: string | undefined): string | null {
  const match = /(?:^|;\s*)hub_session=([^;]+)/.exec(cookie ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

interface FloorCard {
  title: string;
  summary: string;
  leadMunicipality: { name: string };
}

/**
 * The floor of the first-view benchmark (first-view.ts): the same page of 50 as server-rendered
 * HTML with the card markup of the web app, no script: the least a browser must wait for.
 */
function catalogueHtml(body: string): string {
  const { edges } = JSON.parse(body).data.projects as { edges: { node: FloorCard }[] };
  const cards = edges
    .map(
      ({ node }) =>
        `<article class="hub-project-card"><h2>${escapeHtml(node.title)}</h2><p>${escapeHtml(node.leadMunicipality.name)}</p><p>${escapeHtml(node.summary)}</p></article>`,
    )
    .join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Projekte</title></head><body><main><h1>Projekte</h1>${cards}</main></body></html>`;
}

const server = http.createServer((req, res) => {
  // Of the body (the GraphQL request the hub would get) only the page size is read: the floor answers one page.
  // A GET is the browser's visit of the catalogue page (first-view.ts): the same page as HTML.
  const asHtml = req.method === 'GET';
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const first = Number(body.variables?.first ?? 50);
      const token = sessionToken(req.headers.cookie);
      let municipalityId: string | null = null;
      if (token) {
        const id = createHash('sha256').update(token).digest('hex');
        const { rows } = await pool.query(SESSION, [id]);
        if (rows[0]?.role === 'OFFICER') municipalityId = rows[0].municipality_id;
      }
      const { rows } = await pool.query({
        text: CATALOGUE,
        values: [municipalityId, first],
        rowMode: 'array',
      });
      if (asHtml) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(catalogueHtml(rows[0][0]));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      // As text from PostgreSQL: Node only passes the answer on.
      res.end(rows[0][0]);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
