import type { Browser, Locator, Page } from 'playwright-core';
import { dragOnto, keepScreenshot, moveByKeyboard, signInAsNewMember } from './support/directory-e2e';
import {
  browserIt,
  describeInBrowser,
  launchBrowser,
  PHONE,
  signIn,
  startDemoGateway,
  type DemoGateway,
} from './support/console-e2e';

interface ServerNumber {
  number: string;
  enabled: boolean;
  label: string;
  ringTimeoutSeconds: number;
}

/** The texts an input's aria-describedby points at (where Mantine puts a field's error). */
async function description(input: Locator): Promise<string> {
  return input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

describeInBrowser('console: the directory', () => {
  let gateway: DemoGateway;
  let browser: Browser;

  async function numbersOf(name: string): Promise<ServerNumber[]> {
    const answer = await gateway.graphql<{ people: { edges: { node: { id: string; name: string } }[] } }>(
      '{ people(first: 100) { edges { node { id name } } } }',
    );
    const id = answer.data!.people.edges.find((e) => e.node.name === name)?.node.id;
    if (!id) throw new Error(`${name} is not in the directory`);
    const person = await gateway.graphql<{ person: { contactNumbers: ServerNumber[] } }>(
      'query ($id: ID!) { person(id: $id) { contactNumbers { number enabled label ringTimeoutSeconds } } }',
      { id },
    );
    return person.data!.person.contactNumbers;
  }

  /** Deletes the people a failed earlier run of a test left under `name`, so a retry starts clean. */
  async function removeLeftovers(name: string): Promise<void> {
    const answer = await gateway.graphql<{ people: { edges: { node: { id: string; name: string } }[] } }>(
      '{ people(first: 100) { edges { node { id name } } } }',
    );
    for (const { node } of answer.data!.people.edges.filter((e) => e.node.name === name)) {
      const deleted = await gateway.graphql('mutation ($id: ID!) { deletePerson(id: $id) { id } }', { id: node.id });
      if (deleted.errors) throw new Error(JSON.stringify(deleted.errors));
    }
  }

  async function openDirectory(page: Page): Promise<void> {
    await signIn(page, gateway.url, gateway.admin);
    await page.goto(`${gateway.url}/directory`);
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
  }

  /** Saves the open editor and waits for it to close. */
  async function save(page: Page): Promise<void> {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    'creates a person with two numbers, reorders them by keyboard and by drag, disables one: each change on the server',
    { browser: () => browser },
    async (page) => {
      await removeLeftovers('Zoé Lambert');
      await openDirectory(page);
      await page.getByRole('button', { name: 'New person' }).click();
      const dialog = page.getByRole('dialog', { name: 'New person' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Zoé Lambert');
      await dialog.getByRole('textbox', { name: 'E-mail' }).fill('zoe.lambert@example.com');
      await dialog
        .getByRole('group', { name: 'Number 1' })
        .getByRole('textbox', { name: 'Phone number' })
        .fill('+33611111111');
      await dialog.getByRole('button', { name: 'Add a number' }).click();
      const second = dialog.getByRole('group', { name: 'Number 2' });
      await second.getByRole('textbox', { name: 'Phone number' }).fill('+33622222222');
      await second.getByRole('textbox', { name: 'Label' }).fill('home');
      await second.getByRole('textbox', { name: 'Ring (s)' }).fill('40');
      await save(page);
      expect(await numbersOf('Zoé Lambert')).toEqual([
        { number: '+33611111111', enabled: true, label: 'mobile', ringTimeoutSeconds: 25 },
        { number: '+33622222222', enabled: true, label: 'home', ringTimeoutSeconds: 40 },
      ]);
      // The new person got a colour of their own (left empty, the server chose one).
      const colours = await gateway.graphql<{ people: { edges: { node: { name: string; colour: string } }[] } }>(
        '{ people(first: 100) { edges { node { name colour } } } }',
      );
      const zoe = colours.data!.people.edges.find((e) => e.node.name === 'Zoé Lambert')!.node.colour;
      expect(colours.data!.people.edges.filter((e) => e.node.colour === zoe)).toHaveLength(1);

      // Keyboard: the second number's handle, Space, up, Space.
      await page.getByRole('button', { name: 'Edit Zoé Lambert' }).click();
      const handle = page.getByRole('dialog').getByRole('button', { name: 'Move +33622222222', exact: true });
      await moveByKeyboard(page, handle, { arrow: 'ArrowUp' });
      await page
        .getByRole('dialog')
        .getByRole('group', { name: 'Number 1' })
        .getByRole('textbox', { name: 'Phone number' })
        .and(page.locator('[value="+33622222222"]'))
        .waitFor();
      await save(page);
      expect((await numbersOf('Zoé Lambert')).map((n) => n.number)).toEqual(['+33622222222', '+33611111111']);

      // Mouse: drag +33611111111 (now second) back above the first.
      await page.getByRole('button', { name: 'Edit Zoé Lambert' }).click();
      const editor = page.getByRole('dialog');
      await dragOnto(
        page,
        editor.getByRole('button', { name: 'Move +33611111111', exact: true }),
        editor.getByRole('button', { name: 'Move +33622222222', exact: true }),
      );
      await editor
        .getByRole('group', { name: 'Number 1' })
        .getByRole('textbox', { name: 'Phone number' })
        .and(page.locator('[value="+33611111111"]'))
        .waitFor();
      await save(page);
      expect((await numbersOf('Zoé Lambert')).map((n) => n.number)).toEqual(['+33611111111', '+33622222222']);

      // Disable the second number: it stays on file, never dialled.
      await page.getByRole('button', { name: 'Edit Zoé Lambert' }).click();
      // Unchecked once the dialog has stopped moving (a forced click while it opened could miss the switch).
      await page
        .getByRole('dialog')
        .getByRole('group', { name: 'Number 2' })
        .getByRole('switch', { name: 'Enabled' })
        .uncheck();
      await save(page);
      expect((await numbersOf('Zoé Lambert')).map((n) => [n.number, n.enabled])).toEqual([
        ['+33611111111', true],
        ['+33622222222', false],
      ]);
      await page
        .getByRole('list', { name: 'Numbers of Zoé Lambert' })
        .getByText('+33622222222 · home · 40 s · disabled')
        .waitFor();
    },
  );

  browserIt(
    "a bad phone number shows the server's message at that number's field",
    { browser: () => browser },
    async (page) => {
      const refused = await gateway.graphql(
        'mutation { createPerson(input: { name: "Probe", contactNumbers: [{ number: "+33633333333" }, { number: "12 34" }] }) { id } }',
      );
      const message = refused.errors![0].message;
      expect(refused.errors![0].extensions?.field).toBe('input.contactNumbers[1].number');

      await openDirectory(page);
      await page.getByRole('button', { name: 'New person' }).click();
      const dialog = page.getByRole('dialog', { name: 'New person' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Bad Number');
      await dialog
        .getByRole('group', { name: 'Number 1' })
        .getByRole('textbox', { name: 'Phone number' })
        .fill('+33633333333');
      await dialog.getByRole('button', { name: 'Add a number' }).click();
      const bad = dialog.getByRole('group', { name: 'Number 2' }).getByRole('textbox', { name: 'Phone number' });
      await bad.fill('12 34');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByRole('group', { name: 'Number 2' }).getByText(message).waitFor();
      expect(await bad.getAttribute('aria-invalid')).toBe('true');
      expect(await description(bad)).toContain(message);
      // Only that field: the first number is fine, and nothing was created.
      expect(
        await dialog
          .getByRole('group', { name: 'Number 1' })
          .getByRole('textbox', { name: 'Phone number' })
          .getAttribute('aria-invalid'),
      ).not.toBe('true');
      const people = await gateway.graphql<{ people: { edges: { node: { name: string } }[] } }>(
        '{ people(first: 100) { edges { node { name } } } }',
      );
      expect(people.data!.people.edges.map((e) => e.node.name)).not.toContain('Bad Number');
      await keepScreenshot(page, 'directory-bad-number-wide');
    },
  );

  browserIt(
    'deleting a person still on the demo schedule is refused with the reason in words',
    { browser: () => browser },
    async (page) => {
      const people = await gateway.graphql<{ people: { edges: { node: { id: string; name: string } }[] } }>(
        '{ people(first: 100) { edges { node { id name } } } }',
      );
      const lucas = people.data!.people.edges.find((e) => e.node.name === 'Lucas Bernard')!.node.id;
      const refused = await gateway.graphql('mutation ($id: ID!) { deletePerson(id: $id) { id } }', { id: lucas });
      const usedBy = (refused.errors![0].extensions!.details as { usedBy: { kind: string }[] }).usedBy;
      const slots = usedBy.filter((u) => u.kind === 'slot').length;
      expect(slots).toBeGreaterThan(0);

      await openDirectory(page);
      await page.getByRole('button', { name: 'Edit Lucas Bernard' }).click();
      const dialog = page.getByRole('dialog', { name: 'Lucas Bernard' });
      await dialog.getByRole('button', { name: 'Delete person' }).click();
      await dialog
        .getByRole('alertdialog', { name: 'Delete Lucas Bernard? This cannot be undone.' })
        .getByRole('button', { name: 'Delete person' })
        .click();
      const alert = dialog.getByRole('alert').filter({ hasText: 'Cannot delete' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        `Lucas Bernard is still on: team Équipe maintenance, ${slots} slot${slots === 1 ? '' : 's'}. Remove them from there first.`,
      );
      // Still there.
      const after = await gateway.graphql<{ person: { name: string } | null }>(
        'query ($id: ID!) { person(id: $id) { name } }',
        { id: lucas },
      );
      expect(after.data!.person).toEqual({ name: 'Lucas Bernard' });
      await keepScreenshot(page, 'directory-delete-refused-wide');
    },
  );

  browserIt(
    'creates a team with its members in order (added, then one moved up by keyboard)',
    { browser: () => browser },
    async (page) => {
      await openDirectory(page);
      await page.getByRole('tab', { name: /Teams/ }).click();
      await page.getByRole('button', { name: 'New team' }).click();
      const dialog = page.getByRole('dialog', { name: 'New team' });
      await dialog.getByRole('textbox', { name: 'Team name' }).fill('Night crew');
      for (const name of ['Hugo Durand', 'Chloé Petit', 'Camille Martin']) {
        await dialog.getByRole('combobox', { name: 'Add a member' }).click();
        await page.getByRole('option', { name }).click();
        await dialog.getByRole('list', { name: 'Members, in ringing order' }).getByText(name).waitFor();
      }
      const handle = dialog.getByRole('button', { name: 'Move Camille Martin', exact: true });
      await moveByKeyboard(page, handle, { arrow: 'ArrowUp' });
      await page.waitForTimeout(300);
      await dialog.getByRole('button', { name: 'Move Hugo Durand down', exact: true }).click();
      await save(page);

      const teams = await gateway.graphql<{
        teams: { edges: { node: { name: string; colour: string; members: { name: string }[] } }[] };
      }>('{ teams(first: 100) { edges { node { name colour members { name } } } } }');
      const team = teams.data!.teams.edges.find((e) => e.node.name === 'Night crew')!.node;
      expect(team.members.map((m) => m.name)).toEqual(['Camille Martin', 'Hugo Durand', 'Chloé Petit']);
      expect(team.colour).toMatch(/^#[0-9a-f]{6}$/i);
      await page.getByRole('list', { name: 'Members of Night crew' }).getByText('Chloé Petit').waitFor();
    },
  );

  browserIt(
    'a member sees the directory read only: no new, no save, no delete, inputs disabled',
    { browser: () => browser },
    async (page) => {
      await signInAsNewMember(page, gateway, 'reader@demo.dutyline.example');
      await page.goto(`${gateway.url}/directory`);
      await page.getByText('Read only: your role cannot change this.').waitFor();
      expect(await page.getByRole('button', { name: 'New person' }).count()).toBe(0);
      await page.getByRole('button', { name: 'View Camille Martin' }).click();
      const dialog = page.getByRole('dialog', { name: 'Camille Martin' });
      await dialog.getByRole('textbox', { name: 'Name' }).waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
      expect(
        await dialog
          .getByRole('group', { name: 'Number 1' })
          .getByRole('textbox', { name: 'Phone number' })
          .isDisabled(),
      ).toBe(true);
      for (const name of ['Save', 'Delete person', 'Add a number', 'Move +33612345601']) {
        expect(await dialog.getByRole('button', { name }).count()).toBe(0);
      }
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await page.getByRole('tab', { name: /Teams/ }).click();
      expect(await page.getByRole('button', { name: 'New team' }).count()).toBe(0);
    },
  );

  browserIt(
    'on a phone the people stack and the editor fills the screen',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      await openDirectory(page);
      const people = page.getByRole('list', { name: 'People' });
      const [first, second] = [
        await people.getByRole('listitem', { name: 'Camille Martin' }).boundingBox(),
        await people.getByRole('listitem', { name: 'Chloé Petit' }).boundingBox(),
      ];
      expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
      expect(first!.width).toBeGreaterThan(PHONE.width - 60);
      await keepScreenshot(page, 'directory-phone');
      await page.getByRole('button', { name: 'Edit Camille Martin' }).click();
      const name = page.getByRole('dialog').getByRole('textbox', { name: 'Name' });
      expect((await name.boundingBox())!.width).toBeGreaterThan(PHONE.width - 60);
      await keepScreenshot(page, 'directory-person-phone');
    },
  );
});
