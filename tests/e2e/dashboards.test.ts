import { InvitationResponse } from '@hub/shared';
import { MeetingInvitation } from '../../packages/api/src/modules/meetings/meeting.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const OFFICER = 'digital@kaiserslautern.demo';
const NEXT_GROUP_MEETING = 'AG Bildung & Kita: Austausch Kita-Apps (Demo)';

describe('the start page per role', () => {
  it('shows the officer her overdue action item and lets her answer an invitation in place', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    const tasks = page.getByRole('region', { name: 'Meine Aufgaben' });
    const overdueItem = tasks
      .getByRole('listitem')
      .filter({ hasText: 'Leihbedingungen für MoGlI an die Netzwerkkommunen schicken' });
    await overdueItem.waitFor();
    expect(await overdueItem.textContent()).toContain('überfällig');
    await page
      .getByRole('region', { name: 'Meine Kommune' })
      .getByText('Kaiserslautern', { exact: true })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const meetings = page.getByRole('region', { name: 'Meine nächsten Sitzungen' });
    const unanswered = async () =>
      Number((await meetings.getByText(/noch nicht beantwortet: \d+/).textContent())?.match(/: (\d+)/)?.[1]);
    const unansweredBefore = await unanswered();
    const answer = page.getByRole('group', { name: `Ihre Antwort zu „${NEXT_GROUP_MEETING}“` });
    await answer.getByRole('radio', { name: 'Zusage' }).check();
    await page
      .getByRole('status')
      .filter({ hasText: `Ihre Antwort zu „${NEXT_GROUP_MEETING}“ ist gespeichert.` })
      .waitFor();
    // The count follows from the mutation's answer (the demo's invitation was still open).
    await meetings.getByText(`noch nicht beantwortet: ${unansweredBefore - 1}`).waitFor();
    expect(await answer.getByRole('radio', { name: 'Zusage' }).isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    const officer = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: OFFICER });
    const [invitation] = await e.t.dataSource.query(
      `SELECT i.response FROM meeting_invitation i JOIN meeting m ON m.id = i.meeting_id
        WHERE m.title = $1 AND i.user_id = $2`,
      [NEXT_GROUP_MEETING, officer.id],
    );
    expect(invitation.response).toBe(InvitationResponse.YES);
    expect(
      await e.t.dataSource.getRepository(MeetingInvitation).countBy({ userId: officer.id }),
    ).toBeGreaterThan(0);

    // The figure links to the list behind it: the board opens with only the overdue items.
    await tasks.getByRole('link', { name: 'Nur die überfälligen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aufgaben' }).waitFor();
    await page.getByText('Leihbedingungen für MoGlI an die Netzwerkkommunen schicken').first().waitFor();
    expect(await page.getByRole('checkbox', { name: 'Nur überfällige' }).isChecked()).toBe(true);
  });

  it("loads the coordinators' dashboard with the work waiting, keyboard reachable and axe-clean", async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'koordination@kl.digital.demo', DEMO_PASSWORD);
    const work = page.getByRole('region', { name: 'Was auf Bearbeitung wartet' });
    await work.getByRole('link', { name: '1 Aufnahmeantrag ins Netzwerk' }).waitFor();
    await work.getByRole('link', { name: '1 Protokoll wartet auf Freigabe' }).waitFor();
    await page.getByRole('region', { name: 'Aktivität im Netzwerk' }).getByRole('listitem').first().waitFor();
    // The network's figures with the change: population covered, and the projects per phase.
    const figures = page.getByRole('region', { name: 'Das Netzwerk in Zahlen' });
    await figures.getByRole('link', { name: /Erreichte Einwohnerinnen und Einwohner/ }).waitFor();
    const phases = figures.getByRole('table', { name: 'Projekte nach Phase' });
    await phases.waitFor();
    expect(await phases.getByRole('row').count()).toBe(8);
    expect(await phases.getByRole('link', { name: 'Pilot' }).getAttribute('href')).toBe(
      '/projekte?phases=PILOT',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'dashboard-coordinator');
    await work.getByRole('link', { name: '1 Protokoll wartet auf Freigabe' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { level: 1, name: 'AG Verwaltung & OZG: Chatbots und KI (Demo)' })
      .waitFor();
  });

  it("loads the ministry's dashboard with aggregates only, axe-clean, each count linked to the catalogue", async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'ministerium@mdi.rlp.demo', DEMO_PASSWORD);
    const projects = page.getByRole('region', { name: 'Veröffentlichte Projekte' });
    await projects.getByRole('table', { name: 'Nach Reifegrad' }).waitFor();
    await page.getByRole('img', { name: /Mitgliedskommunen/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/@/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await projects
      .getByRole('table', { name: 'Nach Reifegrad' })
      .getByRole('link', { name: 'Pilot' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Projekte' }).waitFor();
    expect(await page.getByRole('checkbox', { name: /^Pilot/ }).isChecked()).toBe(true);
  });
});
