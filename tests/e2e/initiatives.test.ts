import { MeetingKind, Role } from '@hub/shared';
import type { Download, Page } from 'playwright-core';
import { toGlobalId } from '../../packages/api/src/graphql/relay';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildMeeting } from '../support/meeting-factories';

const COORDINATOR = DEMO_ACCOUNTS.find((a) => a.role === Role.COORDINATOR)!.email;
const KAISERSLAUTERN = 'digital@kaiserslautern.demo';
const COCHEM_ZELL = 'digital@cochem-zell.demo';
const MINISTRY = DEMO_ACCOUNTS.find((a) => a.role === Role.MINISTRY)!.email;

const FIRST = 'Digitale Bauantragsstrecke für alle';
const SECOND = 'Gemeinsamer Open-Data-Katalog';
const THIRD = 'Baustellenkoordination im Kreis';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

const pages = new Map<string, Page>();
/** One signed-in browser per person, kept across the steps of the story. */
async function as(email: string): Promise<Page> {
  const known = pages.get(email);
  if (known) return known;
  const { page } = await e.newPage();
  await e.signIn(page, email, DEMO_PASSWORD);
  pages.set(email, page);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** No sideways scrolling at a phone's width: the page is never wider than the screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (before) await page.setViewportSize(before);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function checkScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await screenshotWidths(page, name);
}

async function textOf(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A Berlin calendar date `offsetDays` from today, `YYYY-MM-DD`. */
const berlinDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + offsetDays * 86400_000),
  );

async function propose(page: Page, title: string, problem: string): Promise<void> {
  await page.goto('/initiativen');
  await page.getByRole('link', { name: 'Initiative vorschlagen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Initiative vorschlagen' }).waitFor();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Themenfeld').selectOption({ label: 'Verwaltung' });
  await page.getByLabel('Welches Problem soll gelöst werden?').fill(problem);
  await page.getByLabel('Ziel', { exact: true }).fill('Eine gemeinsame Lösung für alle Mitgliedskommunen.');
  await page.getByLabel('Erwarteter Nutzen für die Kommunen').fill('Weniger Aufwand, schnellere Verfahren.');
}

describe('network initiatives in Chromium', () => {
  let firstUrl = '';
  let roundUrl = '';

  it('an officer proposes an initiative; the form checks it first and shows similar projects', async () => {
    const page = await as(KAISERSLAUTERN);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Initiativen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Netzwerkinitiativen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /\d+ Initiativen?/ }).waitFor();
    await checkScreen(page, 'initiatives-list');

    await page.getByRole('link', { name: 'Initiative vorschlagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Initiative vorschlagen' }).waitFor();
    // Nothing filled in: the summary names the fields and takes the focus.
    await page.getByRole('button', { name: 'Vorschlag speichern' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte füllen Sie „Titel“ aus.' });
    await summary.waitFor();
    await expectAccessible(page);

    await propose(
      page,
      FIRST,
      'Bauanträge kommen auf Papier; jede Kommune digitalisiert für sich (wie beim Bürgerportal).',
    );
    await page.getByLabel('Grobe Kostenschätzung in Euro (optional)').fill('80.000');
    await page.getByLabel('Mögliche Förderprogramme').fill('Digitalprogramm RLP\nOZG-Folgefinanzierung');
    await checkScreen(page, 'initiatives-propose');
    await page.getByRole('button', { name: 'Vorschlag speichern' }).click();

    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    await page.getByText('Ihr Vorschlag ist gespeichert.').waitFor();
    await page.getByText('80.000,00 €').waitFor();
    await page.getByText('Digitalprogramm RLP, OZG-Folgefinanzierung').waitFor();
    firstUrl = new URL(page.url()).pathname;
    expect(firstUrl).toMatch(/^\/initiativen\/[^/]+$/);
    await checkScreen(page, 'initiatives-detail-proposed');
  });

  it('another municipality is interested, by keyboard', async () => {
    const page = await as(COCHEM_ZELL);
    await page.goto(firstUrl);
    const button = page.getByRole('button', { name: 'Wir sind interessiert' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Das Interesse Ihrer Kommune ist vermerkt.').waitFor();
    await page.getByText('1 Kommune interessiert').waitFor();
    await page.getByRole('button', { name: 'Interesse zurückziehen' }).waitFor();
  });

  it('the coordinator proposes a second one and opens a dot-voting round over both', async () => {
    const page = await as(COORDINATOR);
    await propose(page, SECOND, 'Offene Daten liegen verstreut in vielen Portalen und Tabellen.');
    await page.getByRole('button', { name: 'Vorschlag speichern' }).click();
    await page.getByRole('heading', { level: 1, name: SECOND }).waitFor();

    // The list's search folds like the others: "fuer" finds "für".
    await page.goto('/initiativen');
    await page.getByRole('link', { name: SECOND }).waitFor();
    await page.getByLabel('Suche in Titel, Problem und Ziel').fill('bauantragsstrecke fuer alle');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('link', { name: SECOND }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: FIRST }).waitFor();

    await page.goto('/initiativen');
    await page.getByRole('link', { name: 'Priorisierungsrunde eröffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priorisierungsrunde eröffnen' }).waitFor();
    await page.getByLabel('Name der Runde').fill('Priorisierung 2027');
    await page.getByRole('checkbox', { name: new RegExp(FIRST) }).check();
    await page.getByRole('checkbox', { name: new RegExp(SECOND) }).check();
    await page.getByLabel('Stichtag').fill(berlinDate(7));
    await page.getByRole('radio', { name: 'Punktevergabe' }).check();
    await page.getByLabel('Punkte je Kommune').fill('10');
    await page.getByLabel('Quorum in Prozent der Mitgliedskommunen').fill('2');
    await checkScreen(page, 'initiatives-open-round');
    await page.getByRole('button', { name: 'Runde eröffnen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Priorisierung 2027' }).waitFor();
    roundUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 2, name: 'Beteiligung' }).waitFor();
    await page.getByText(/^0 von \d+ Mitgliedskommunen haben abgestimmt/).waitFor();
    await checkScreen(page, 'initiatives-round-coordinator');
  });

  it('two municipalities vote: the remainder is shown, too many points are refused, a vote can be changed', async () => {
    const kl = await as(KAISERSLAUTERN);
    // The officer's start page lists the round awaiting her municipality's vote.
    await kl.goto('/');
    await kl
      .getByRole('region', { name: 'Offene Abstimmungen' })
      .getByRole('link', { name: 'Priorisierung 2027' })
      .click();
    await kl.getByRole('heading', { level: 2, name: 'Stimme Ihrer Kommune' }).waitFor();
    await kl.getByText('Noch 10 Punkte zu verteilen (von 10).').waitFor();
    await kl.getByLabel(`Punkte für „${FIRST}“`).fill('8');
    await kl.getByLabel(`Punkte für „${SECOND}“`).fill('5');
    await kl.getByText('3 Punkte zu viel vergeben (höchstens 10).').waitFor();
    await kl.getByRole('button', { name: 'Stimme abgeben' }).click();
    await kl.getByText('Sie haben mehr Punkte vergeben, als Ihrer Kommune zustehen.').waitFor();
    await kl.getByLabel(`Punkte für „${SECOND}“`).fill('2');
    await kl.getByText('Noch 0 Punkte zu verteilen (von 10).').waitFor();
    await checkScreen(kl, 'initiatives-ballot');
    await kl.getByRole('button', { name: 'Stimme abgeben' }).click();
    await kl.getByText('Die Stimme Ihrer Kommune ist gespeichert.').waitFor();
    // Changeable until the deadline.
    await kl.getByLabel(`Punkte für „${FIRST}“`).fill('7');
    await kl.getByLabel(`Punkte für „${SECOND}“`).fill('3');
    await kl.getByRole('button', { name: 'Stimme ändern' }).click();
    await kl.getByText('Die Stimme Ihrer Kommune ist gespeichert.').waitFor();

    // The second municipality votes with the keyboard alone.
    const cz = await as(COCHEM_ZELL);
    await cz.goto(roundUrl);
    const firstField = cz.getByLabel(`Punkte für „${FIRST}“`);
    await firstField.focus();
    await cz.keyboard.press('Control+A');
    await cz.keyboard.type('6');
    await cz.keyboard.press('Tab');
    await cz.keyboard.press('Control+A');
    await cz.keyboard.type('4');
    await cz.keyboard.press('Enter');
    await cz.getByText('Die Stimme Ihrer Kommune ist gespeichert.').waitFor();
  });

  it('the coordinator follows participation, closes the round and sees the ranked result with its CSV', async () => {
    const page = await as(COORDINATOR);
    await page.goto(roundUrl);
    await page.getByText(/^2 von \d+ Mitgliedskommunen haben abgestimmt/).waitFor();
    await page.getByText('Das Quorum ist erreicht.').waitFor();
    await page.getByRole('button', { name: 'Runde jetzt schließen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Runde „Priorisierung 2027“ jetzt schließen?' });
    await dialog.getByRole('button', { name: 'Runde jetzt schließen' }).click();
    await page.getByText('Die Runde ist geschlossen; das Ergebnis steht fest.').waitFor();

    const table = page.getByRole('table', { name: 'Ergebnis der Runde „Priorisierung 2027“' });
    await table.waitFor();
    const rows = table.getByRole('row');
    await expect(rows.nth(1).textContent()).resolves.toContain(FIRST);
    await expect(rows.nth(1).textContent()).resolves.toContain('13 Punkte');
    await expect(rows.nth(2).textContent()).resolves.toContain(SECOND);
    await expect(rows.nth(2).textContent()).resolves.toContain('7 Punkte');
    await page.locator('canvas').first().waitFor();
    await checkScreen(page, 'initiatives-round-result');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ergebnis als CSV herunterladen' }).click(),
    ]);
    const text = await textOf(csv);
    expect(text).toContain(FIRST);
    expect(text).toContain(SECOND);
  });

  it('the ministry reads the result but cannot vote or close', async () => {
    const page = await as(MINISTRY);
    await page.goto(roundUrl);
    await page.getByRole('table', { name: 'Ergebnis der Runde „Priorisierung 2027“' }).waitFor();
    expect(await page.getByRole('button', { name: 'Runde jetzt schließen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Stimme abgeben' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('the steering committee selects the initiative in a meeting; both link to each other', async () => {
    const coordinator = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: COORDINATOR });
    const meeting = await buildMeeting(e.t.dataSource, {
      kind: MeetingKind.STEERING,
      title: 'Lenkungskreis Dezember',
      organizerId: coordinator.id,
      startsAt: new Date(Date.now() - 3600_000),
    });
    const page = await as(COORDINATOR);
    await page.goto(`/sitzungen/${encodeURIComponent(toGlobalId('Meeting', meeting.id))}`);
    await page.getByRole('heading', { level: 1, name: 'Lenkungskreis Dezember' }).waitFor();
    await page.getByLabel('Neuer Tagesordnungspunkt').fill('Netzwerkinitiativen');
    await page.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
    await page.getByRole('heading', { name: 'Netzwerkinitiativen', exact: true }).waitFor();
    await page.getByLabel('Ergebnis festhalten zu „Netzwerkinitiativen“').click();
    const outcomeForm = page.getByRole('form', { name: 'Ergebnis festhalten' });
    await outcomeForm.getByLabel('Art des Ergebnisses').selectOption({ label: 'Beschluss' });
    await outcomeForm.getByLabel('Was wurde festgehalten?').fill('Ergebnis der Priorisierung 2027');
    await outcomeForm.getByRole('button', { name: 'Ergebnis festhalten' }).click();
    await page.getByText('Ergebnis der Priorisierung 2027').waitFor();

    await page.getByText('Über Initiativen entscheiden').click();
    await page
      .getByRole('group', { name: `Entscheidung über „${FIRST}“` })
      .getByRole('radio', { name: 'Ausgewählt' })
      .check();
    await page
      .getByLabel(`Begründung zu „${FIRST}“`)
      .fill('Höchste Punktzahl; Kaiserslautern und Cochem-Zell wollen pilotieren.');
    await page
      .getByRole('group', { name: `Entscheidung über „${SECOND}“` })
      .getByRole('radio', { name: 'Zurückgestellt' })
      .check();
    await page.getByLabel(`Begründung zu „${SECOND}“`).fill('Erst nach der Bauantragsstrecke.');
    await checkScreen(page, 'initiatives-meeting-decision');
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.getByText('Die Entscheidung ist gespeichert.').waitFor();
    // The outcome links to the initiative …
    const link = page.locator('.hub-meeting-agenda').getByRole('link', { name: FIRST });
    await link.waitFor();
    await link.click();
    // … and the initiative to the meeting.
    await page.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    await page.getByRole('region', { name: 'Entscheidung' }).getByText('Ausgewählt').first().waitFor();
    await page.getByRole('link', { name: 'Lenkungskreis Dezember' }).waitFor();
  });

  it('a call for pilots: a municipality applies, the coordinator confirms it and starts the network project', async () => {
    const coordinatorPage = await as(COORDINATOR);
    await coordinatorPage.goto(firstUrl);
    await coordinatorPage.getByRole('button', { name: 'Aufruf für Pilotkommunen öffnen' }).click();
    await coordinatorPage.getByText('Der Aufruf ist geöffnet').waitFor();

    const cz = await as(COCHEM_ZELL);
    await cz.goto(firstUrl);
    await cz.getByRole('heading', { level: 3, name: 'Als Pilotkommune bewerben' }).waitFor();
    await cz.getByRole('button', { name: 'Bewerbung absenden' }).click();
    await cz.getByText('Bitte beschreiben Sie kurz, was Ihre Kommune mitbringt.').first().waitFor();
    await cz
      .getByLabel('Was bringt Ihre Kommune mit?')
      .fill('Erfahrung aus dem Bürgerportal, eine Stelle für die Einführung, Partner im Kreis.');
    await cz.getByLabel('Ab wann können Sie beginnen?').fill(berlinDate(60));
    await checkScreen(cz, 'initiatives-apply');
    await cz.getByRole('button', { name: 'Bewerbung absenden' }).click();
    await cz.getByText('Ihre Bewerbung ist eingegangen.').waitFor();

    await coordinatorPage.reload();
    await coordinatorPage.getByRole('button', { name: 'Landkreis Cochem-Zell als Pilot bestätigen' }).click();
    await coordinatorPage.getByText('Als Pilot bestätigt').first().waitFor();
    await checkScreen(coordinatorPage, 'initiatives-call');
    await coordinatorPage
      .getByRole('button', { name: 'Umsetzung starten und Netzwerkprojekt anlegen' })
      .click();
    await coordinatorPage
      .getByText('Die Umsetzung hat begonnen; das Netzwerkprojekt ist angelegt.')
      .waitFor();
    await coordinatorPage.getByRole('link', { name: `Zum Netzwerkprojekt „${FIRST}“` }).click();
    await coordinatorPage.getByRole('heading', { level: 1, name: FIRST }).waitFor();
    await coordinatorPage.getByText('Netzwerkprojekt', { exact: true }).first().waitFor();
    await coordinatorPage.getByText('Landkreis Cochem-Zell').first().waitFor();
    await expectAccessible(coordinatorPage);
  });

  it('a rating round: each proposal is rated on the four criteria, a missing rating is named', async () => {
    const coordinator = await as(COORDINATOR);
    await propose(coordinator, THIRD, 'Jede Kommune pflegt ihre Baustellen in einer eigenen Tabelle.');
    await coordinator.getByRole('button', { name: 'Vorschlag speichern' }).click();
    await coordinator.getByRole('heading', { level: 1, name: THIRD }).waitFor();
    await coordinator.goto('/initiativen/runden/neu');
    await coordinator.getByLabel('Name der Runde').fill('Bewertung Frühjahr');
    await coordinator.getByRole('checkbox', { name: new RegExp(SECOND) }).check();
    await coordinator.getByRole('checkbox', { name: new RegExp(THIRD) }).check();
    await coordinator.getByLabel('Stichtag').fill(berlinDate(7));
    await coordinator.getByRole('radio', { name: 'Bewertung nach Kriterien' }).check();
    expect(await coordinator.getByLabel('Punkte je Kommune').count()).toBe(0);
    await coordinator.getByRole('button', { name: 'Runde eröffnen' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Bewertung Frühjahr' }).waitFor();
    const url = new URL(coordinator.url()).pathname;

    const kl = await as(KAISERSLAUTERN);
    await kl.goto(url);
    await kl.getByRole('group', { name: `„${SECOND}“ bewerten` }).waitFor();
    for (const criterion of ['Nutzen', 'Machbarkeit', 'Übertragbarkeit', 'Dringlichkeit'])
      await kl.getByLabel(`${criterion} von „${SECOND}“`).selectOption('4');
    await kl.getByLabel(`Nutzen von „${THIRD}“`).selectOption('2');
    await kl.getByRole('button', { name: 'Stimme abgeben' }).click();
    await kl
      .getByRole('alert')
      .getByRole('link', { name: `Bitte bewerten Sie „${THIRD}“ in allen vier Kriterien.` })
      .waitFor();
    for (const criterion of ['Machbarkeit', 'Übertragbarkeit', 'Dringlichkeit'])
      await kl.getByLabel(`${criterion} von „${THIRD}“`).selectOption('3');
    await checkScreen(kl, 'initiatives-rating-ballot');
    await kl.getByRole('button', { name: 'Stimme abgeben' }).click();
    await kl.getByText('Die Stimme Ihrer Kommune ist gespeichert.').waitFor();
  });
});
