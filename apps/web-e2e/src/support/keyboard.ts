import type { Locator, Page } from 'playwright-core';

/**
 * Moving and acting by keyboard only, as a person who uses no mouse does. Locators here never act
 * on an element: they only say where the focus should be, so a control reachable only by mouse,
 * a focus trap or a focus lost to <body> fails the flow.
 */

/** Whether one of the elements `target` matches has the focus (without waiting for it to exist). */
export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((elements) => elements.some((element) => element === document.activeElement));
}

/**
 * Runs in the page: whether one of `candidates` has the focus, whether the screen replaced one of
 * them, and the focused element as a short description for failure messages.
 */
function focusState(candidates: Node[]) {
  const element = document.activeElement;
  let where = '<body>';
  if (element && element !== document.body) {
    const field = element as HTMLInputElement;
    const name =
      element.getAttribute('aria-label') ??
      (field.labels?.length ? field.labels[0].textContent : element.textContent) ??
      '';
    const id = element.id ? `#${element.id}` : '';
    where = `${element.tagName.toLowerCase()}${id} "${name.replace(/\s+/g, ' ').trim().slice(0, 50)}"`;
  }
  return {
    reached: candidates.some((candidate) => candidate === element),
    replaced: candidates.some((candidate) => !candidate.isConnected),
    where,
  };
}

export async function focused(page: Page): Promise<string> {
  return (await page.evaluate(focusState, [])).where;
}

/**
 * Presses Tab (Shift+Tab when `backward`) until `target` has the focus; fails after `max` presses,
 * saying where the focus went on the way. The target's elements are found once (finding by role
 * and name on every press is slow on a long form), and again if the screen replaced them.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backward?: boolean; max?: number } = {},
): Promise<void> {
  const { backward = false, max = 40 } = options;
  await target.first().waitFor({ state: 'attached' });
  let elements = await target.elementHandles();
  const path: string[] = [];
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    const step = await page.evaluate(focusState, elements);
    if (step.reached) return;
    if (step.replaced) {
      elements = await target.elementHandles();
      if (await hasFocus(target)) return;
    }
    path.push(step.where);
  }
  throw new Error(`${max} × ${backward ? 'Shift+Tab' : 'Tab'} never reached ${target}: ${path.join(' → ')}`);
}

/**
 * One choice of a radio group: Tab into the group (onto its checked radio, or the first), then
 * arrow keys, which move and choose, until `option` has the focus; Space chooses it if the arrows
 * did not (the first radio).
 */
export async function chooseRadio(page: Page, group: Locator, option: Locator): Promise<void> {
  await tabTo(page, group.getByRole('radio'));
  const radios = await group.getByRole('radio').count();
  for (let press = 0; !(await hasFocus(option)); press++) {
    if (press >= radios) throw new Error(`Arrow keys never reached ${option} in ${group}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
  expect(await option.isChecked()).toBe(true);
}

/** Tab to a checkbox and tick it with Space. */
export async function tickByKeyboard(page: Page, checkbox: Locator): Promise<void> {
  await tabTo(page, checkbox);
  await page.keyboard.press('Space');
  expect(await checkbox.isChecked()).toBe(true);
}

/** Tab to a text field and type into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Tab to a button or link and press Enter. */
export async function press(page: Page, control: Locator): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press('Enter');
}

/**
 * Waits until `target` has the focus (an announced result takes it once the screen has reloaded),
 * then checks that a sighted keyboard user sees where it is: the element matches `:focus-visible`
 * and an outline is drawn on it — or, for USWDS's own radios and checkboxes, whose input is out of
 * sight, on its label's box.
 */
export async function expectFocus(page: Page, target: Locator, timeoutMs = 10_000): Promise<void> {
  await target.first().waitFor({ state: 'attached', timeout: timeoutMs });
  const until = Date.now() + timeoutMs;
  while (!(await hasFocus(target))) {
    if (Date.now() > until) {
      expect({ focused: await focused(page) }).toEqual({ focused: String(target) });
    }
    await page.waitForTimeout(50);
  }
  const shown = await target.evaluateAll((elements) => {
    const element = elements.find((candidate) => candidate === document.activeElement) as HTMLInputElement;
    const outlined = (box: Element, pseudo?: string) => {
      const style = getComputedStyle(box, pseudo);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    };
    const label = element.labels?.[0];
    return {
      focusVisible: element.matches(':focus-visible'),
      outlined: outlined(element) || (label !== undefined && outlined(label, '::before')),
    };
  });
  expect({ target: String(target), ...shown }).toEqual({
    target: String(target),
    focusVisible: true,
    outlined: true,
  });
}

/** Signs in through the app's button and dev-idp's login page without a mouse. */
export async function signInByKeyboard(page: Page, webUrl: string, username: string): Promise<void> {
  await page.goto(`${webUrl}/`);
  await press(page, page.getByRole('button', { name: 'Sign in' }));
  // The login page starts in its first field.
  await expectFocus(page, page.getByLabel('Username or e-mail'));
  await page.keyboard.type(username);
  await typeInto(page, page.getByLabel('Password'), 'demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'What needs your attention' }).waitFor();
}
