// Helpers of the directory and hotline-settings browser tests: ordered lists moved by mouse and by
// keyboard, a member's session, screenshots kept for a look.
import type { Locator, Page } from 'playwright-core';
import { keepScreenshot as keepShared, signIn, type DemoGateway } from './console-e2e';

/** A drag in small steps: @dnd-kit starts a drag only past its threshold, and a one-step move never drops. */
export async function dragOnto(page: Page, handle: Locator, target: Locator): Promise<void> {
  // Hovering waits until both stand still (a dialog may still be sliding in), so the boxes are where they stay.
  await target.hover();
  await handle.hover();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 10, { steps: 15 });
  await page.mouse.up();
}

/** The keyboard way: focus the handle, Space, the arrow (`times` times), Space. */
export async function moveByKeyboard(
  page: Page,
  handle: Locator,
  { arrow, times = 1 }: { arrow: 'ArrowUp' | 'ArrowDown'; times?: number },
): Promise<void> {
  // Each key waits for what @dnd-kit shows for it (the handle pressed, a new live announcement), not for a
  // fixed time, which a slow machine outruns.
  const announcements = () =>
    page.evaluate(() => [...document.querySelectorAll('[id^="DndLiveRegion"]')].map((r) => r.textContent).join('|'));
  await handle.focus();
  await page.keyboard.press('Space');
  await waitForAttribute(handle, 'aria-pressed', 'true');
  for (let i = 0; i < times; i++) {
    const before = await announcements();
    await page.keyboard.press(arrow);
    await page.waitForFunction(
      (previous) =>
        [...document.querySelectorAll('[id^="DndLiveRegion"]')].map((r) => r.textContent).join('|') !== previous,
      before,
    );
  }
  await page.keyboard.press('Space');
  await waitForAttribute(handle, 'aria-pressed', null);
}

async function waitForAttribute(target: Locator, name: string, value: string | null): Promise<void> {
  const element = await target.elementHandle();
  await target
    .page()
    .waitForFunction(([el, attribute, expected]) => (el as Element).getAttribute(attribute as string) === expected, [
      element,
      name,
      value,
    ] as const);
}

/** Creates a MEMBER user over GraphQL and signs them in. */
export async function signInAsNewMember(page: Page, gateway: DemoGateway, email: string): Promise<void> {
  const password = 'member-password-42';
  const created = await gateway.graphql('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, name: 'A reader', password, role: 'MEMBER' },
  });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  await signIn(page, gateway.url, { email, password });
}

/** A screenshot under tmp/console-e2e/ to look at (after the open transitions settle). */
export const keepScreenshot = (page: Page, name: string, fullPage = false): Promise<void> =>
  keepShared(page, name, { fullPage, settleMs: 400 });
