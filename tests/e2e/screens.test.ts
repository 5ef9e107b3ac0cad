import { InvitationResponse } from '@hub/shared';
import type { Page } from 'playwright-core';
import { Meeting, MeetingInvitation } from '../../packages/api/src/modules/meetings/meeting.entity';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { WorkingGroup } from '../../packages/api/src/modules/working-groups/working-group.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const COORDINATOR = 'koordination@kl.digital.demo';
const OFFICER = 'digital@kaiserslautern.demo';
const LEAD = 'digital@cochem-zell.demo';
const MINISTRY = 'ministerium@mdi.rlp.demo';
const PHONE = { width: 390, height: 844 };

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  // Lists arrive after the page heading; their rows are what would widen the page.
  await page.waitForLoadState('networkidle');
  await page.locator('.hub-loading').waitFor({ state: 'detached' });
}

/** How far the page scrolls sideways (0 when it fits the window). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth));

/** Selects drawn without KERN's select wrapper look like plain text. */
const unstyledSelects = (page: Page) =>
  page.evaluate(
    () =>
      Array.from(document.querySelectorAll('select')).filter(
        (select) => !select.parentElement?.classList.contains('kern-form-input__select-wrapper'),
      ).length,
  );

const ids = async () => {
  const group = await e.t.dataSource
    .getRepository(WorkingGroup)
    .findOneByOrFail({ name: 'AG Smart City & Sensorik (Demo)' });
  const meeting = await e.t.dataSource
    .getRepository(Meeting)
    .findOneByOrFail({ title: 'AG Smart City: Sitzung (Demo)' });
  const project = await e.t.dataSource
    .getRepository(Project)
    .findOneByOrFail({ title: 'Demo: Smarte Lichtmasten' });
  return {
    group: `/arbeitsgruppen/${encodeURIComponent(group.globalId())}`,
    meeting: `/sitzungen/${encodeURIComponent(meeting.globalId())}`,
    project: `/projekte/${encodeURIComponent(project.globalId())}`,
  };
};

describe('screens people meet first', () => {
  it('every select looks like a select; counts use the singular for one; participation dates read the German way', async () => {
    const { meeting } = await ids();
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    for (const path of ['/aufgaben', '/personen', '/sitzungen/neu', meeting, '/projekte']) {
      await open(page, path);
      expect({ path, unstyled: await unstyledSelects(page) }).toEqual({ path, unstyled: 0 });
    }

    await open(page, '/projekte');
    await page.getByLabel('Suchbegriff').fill('Lichtmasten');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('heading', { level: 2, name: '1 Projekt' }).waitFor();
    // English has its own plural rule (Intl.PluralRules), not the German one.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: '1 project' }).waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 2, name: '1 Projekt' }).waitFor();

    // The demo network has many past meetings and open action items: narrow both lists to one.
    const coordinator = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: COORDINATOR });
    const pastDemoMeeting = await e.t.dataSource
      .getRepository(Meeting)
      .findOneByOrFail({ title: 'AG Smart City: Sitzung (Demo)' });
    await e.t.dataSource
      .getRepository(MeetingInvitation)
      .insert({ meetingId: pastDemoMeeting.id, userId: coordinator.id, response: InvitationResponse.YES });
    await open(page, '/sitzungen');
    await page.getByLabel('Vergangene').check();
    await page.getByLabel('Nur Sitzungen, zu denen ich eingeladen bin').check();
    await page.getByRole('heading', { level: 2, name: '1 Sitzung' }).waitFor();

    await open(page, '/aufgaben');
    await page.getByLabel('Alle', { exact: true }).check();
    await page.getByLabel('Arbeitsgruppe').selectOption({ label: 'AG Smart City & Sensorik (Demo)' });
    await page.getByRole('heading', { level: 2, name: '1 offene Aufgabe' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await open(page, meeting);
    expect(await page.locator('main').textContent()).toContain('1 Absage');

    await open(page, '/sitzungen/beteiligung');
    const year = new Date().getFullYear();
    const caption = page.getByText(`Teilnahme der Kommunen vom 01.01.${year} bis 31.12.${year}`);
    await caption.waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('the agenda editor shows one menu per item and its labels and legends do not run together', async () => {
    const { meeting } = await ids();
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await open(page, meeting);
    const agenda = page.locator('.hub-meeting-agenda > li').first();
    // One visible button per item (its menu), not five that repeat the title.
    expect(await agenda.getByRole('button').filter({ visible: true }).count()).toBe(1);
    // The project picker's legend sits above its content, not beside it.
    const legend = page.locator('.hub-project-picker legend').last();
    const none = page.getByText('Kein Projekt verknüpft.').last();
    const [l, n] = await Promise.all([legend.boundingBox(), none.boundingBox()]);
    if (!l || !n) throw new Error('the project picker is not visible');
    expect(n.y).toBeGreaterThanOrEqual(l.y + l.height - 1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // In English too, the open menu's names contain what its buttons show (WCAG 2.5.3).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Edit the agenda item “Stand der LoRaWAN-Gateways”' }).click();
    await page.getByRole('button', { name: 'Move down: “Stand der LoRaWAN-Gateways”' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Deutsch' }).click();
  });
});

describe('on a phone (390 × 844)', () => {
  const pagesOf = (paths: Awaited<ReturnType<typeof ids>>) => ({
    [COORDINATOR]: [
      '/',
      '/mitglieder',
      '/mitglieder/verwaltung',
      '/mitglieder/karte',
      '/personen',
      '/arbeitsgruppen',
      paths.group,
      '/projekte',
      paths.project,
      '/sitzungen',
      paths.meeting,
      '/aufgaben',
      '/sitzungen/beteiligung',
      '/berichte',
      '/profil',
    ],
    [OFFICER]: [
      '/',
      '/mitglieder',
      '/arbeitsgruppen',
      paths.group,
      '/projekte',
      '/sitzungen',
      paths.meeting,
      '/aufgaben',
    ],
    [LEAD]: ['/', paths.group, paths.meeting, '/sitzungen/neu'],
    [MINISTRY]: ['/', '/mitglieder', '/projekte', '/sitzungen', '/sitzungen/beteiligung', '/berichte'],
  });

  it('no main page scrolls sideways, for any role or the public', async () => {
    const paths = await ids();
    for (const [email, list] of Object.entries(pagesOf(paths))) {
      const { page } = await e.newPage();
      await page.setViewportSize(PHONE);
      await e.signIn(page, email, DEMO_PASSWORD);
      for (const path of list) {
        await open(page, path);
        expect({ email, path, overflow: await sidewaysOverflow(page) }).toEqual({ email, path, overflow: 0 });
      }
    }
    const { page } = await e.newPage();
    await page.setViewportSize(PHONE);
    for (const path of ['/anmelden', '/markt', paths.project]) {
      await open(page, path);
      expect({ path, overflow: await sidewaysOverflow(page) }).toEqual({ path, overflow: 0 });
    }
    // 36 pages and four sign-ins: over a minute when CI's two cores are busy.
  }, 180_000);

  it('the catalogue folds its filters behind a button, so the first project shows early', async () => {
    const { page } = await e.newPage();
    await page.setViewportSize(PHONE);
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    await open(page, '/projekte');
    const toggle = page.locator('button[aria-controls]', { hasText: /^Filter/ });
    expect(await toggle.textContent()).toBe('Filter anzeigen');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('group', { name: 'Kategorie' }).isVisible()).toBe(false);
    const firstProject = page.locator('.hub-project-list > li').first();
    const box = await firstProject.boundingBox();
    expect(box?.y).toBeLessThan(PHONE.height * 1.25);
    expect(await accessibilityViolations(page)).toEqual([]);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const category = page.getByRole('group', { name: 'Kategorie' });
    await category.waitFor();
    await category.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Filter ausblenden (1 aktiv)' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // On a wide screen the filters stay beside the list, without the button.
    await page.setViewportSize({ width: 1280, height: 900 });
    // The button goes once the app has seen the new width (a render after the resize).
    await page.getByRole('button', { name: /^Filter (anzeigen|ausblenden)/ }).waitFor({ state: 'hidden' });
    expect(await page.getByRole('group', { name: 'Kategorie' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Filter (anzeigen|ausblenden)/ }).count()).toBe(0);
  });

  it('a wide table scrolls in a labelled, focusable region with a hint; the calendar becomes a list of days', async () => {
    const { meeting } = await ids();
    const { page } = await e.newPage();
    await page.setViewportSize(PHONE);
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await open(page, '/personen');
    const region = page.getByRole('region', {
      name: 'Personen mit Kommune, Rolle, Kontakt, Status und Aktionen',
    });
    await region.waitFor();
    expect(await region.getAttribute('tabindex')).toBe('0');
    await page.getByText('Die Tabelle ist breiter als der Bildschirm').waitFor();
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => (document.querySelector('.hub-table-scroll__area')?.scrollLeft ?? 0) > 0,
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await open(page, meeting);
    await page.getByRole('region', { name: 'Eingeladene, ihre Antworten und die Teilnahme' }).waitFor();

    await open(page, '/sitzungen');
    await page.getByLabel('Monatskalender').check();
    const calendar = page.getByRole('region', { name: /^Sitzungen im / });
    await calendar.waitFor();
    expect(await page.locator('table.hub-meeting-calendar').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('table.hub-meeting-calendar').waitFor();
  });
});
