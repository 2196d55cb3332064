import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The editor as a person sees it: regions, buttons and nodes found by their accessible names
 * (DESIGN.md, "names a person can find"), plus the few gestures that need a pointer.
 */
export class Editor {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.palette).toBeVisible();
    await expect(this.canvas).toBeVisible();
  }

  get palette(): Locator {
    return this.page.getByRole('complementary', { name: 'Palette' });
  }
  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }
  get problems(): Locator {
    return this.page.getByRole('region', { name: 'Problems' });
  }
  get cost(): Locator {
    return this.page.getByRole('region', { name: 'Cost' });
  }
  get review(): Locator {
    return this.page.getByRole('region', { name: 'Review score' });
  }
  get canvas(): Locator {
    return this.page.locator('.react-flow__pane');
  }
  toolbarButton(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A node on the canvas, by its label. */
  node(label: string): Locator {
    return this.page
      .getByRole('group', { name: label, exact: true })
      .and(this.page.locator('.react-flow__node'));
  }

  /** Adds a kind with the keyboard: focus `Add <Label>` and press Enter. */
  async addWithKeyboard(label: string): Promise<void> {
    const button = this.palette.getByRole('button', { name: `Add ${label}`, exact: true });
    await button.focus();
    await this.page.keyboard.press('Enter');
  }

  /** Drags `Add <Label>` from the palette onto the canvas at (x, y) within the canvas. */
  async dragOntoCanvas(label: string, x: number, y: number): Promise<void> {
    await this.palette
      .getByRole('button', { name: `Add ${label}`, exact: true })
      .dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Drags a connection from the right handle of one node to the left handle of another. */
  async connect(from: string, to: string): Promise<void> {
    const source = this.node(from);
    await source.hover();
    const a = await source.locator('.react-flow__handle.source').boundingBox();
    const b = await this.node(to).locator('.react-flow__handle.target').boundingBox();
    if (!a || !b) throw new Error(`no handles on "${from}" or "${to}"`);
    const { mouse } = this.page;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move(a.x + 40, a.y + 20, { steps: 5 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
    await mouse.up();
  }

  /** The cost total as shown, e.g. `$193.33 / month`. */
  async costTotal(): Promise<string> {
    const text = (await this.cost.getByTestId('cost-total').textContent()) ?? '';
    expect(text).toMatch(/^\$[\d,]+\.\d\d \/ month$/);
    return text;
  }

  /** Waits until no gesture or layout animation is in flight (nodes sit still). */
  async settle(): Promise<void> {
    await this.page.waitForTimeout(500);
  }

  async shot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
