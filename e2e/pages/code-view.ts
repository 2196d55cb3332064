import { expect, type Locator, type Page } from '@playwright/test';

/** The code view (Monaco) as a person uses it: open it, read it, click on a line and type. */
export class CodeView {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Code view' });
  }
  get status(): Locator {
    return this.region.getByTestId('code-status');
  }
  get monaco(): Locator {
    return this.region.locator('.monaco-editor');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Code', exact: true }).click();
    await expect(this.monaco).toBeVisible();
    await expect(this.status).toHaveText('In sync with the canvas');
  }

  /**
   * Whether Monaco's own styles apply (token colours, marker squiggles): the colour of the first
   * key differs from plain text. A Content-Security-Policy that blocks Monaco's `<style>` elements
   * leaves the text readable but uncoloured, without visible markers.
   */
  async isHighlighted(): Promise<boolean> {
    return this.monaco
      .locator('.view-line')
      .first()
      .evaluate((line) => {
        const spans = Array.from(line.querySelectorAll('span span'));
        const colours = new Set(spans.map((s) => getComputedStyle(s).color));
        return colours.size > 1;
      });
  }

  /** The visible text of the editor, with Monaco's non-breaking spaces as spaces. */
  async text(): Promise<string> {
    const raw = await this.monaco.locator('.view-lines').innerText();
    return raw.replace(/\u00a0/g, ' ');
  }

  /** The rendered line containing `text`. */
  line(text: string): Locator {
    return this.monaco.locator('.view-line', { hasText: text });
  }

  /** 1-based number of the line containing `text`, as the editor's gutter shows it. */
  async lineNumberOf(text: string): Promise<number> {
    const lines = (await this.text()).split('\n');
    const i = lines.findIndex((l) => l.includes(text));
    if (i < 0) throw new Error(`no line contains "${text}"`);
    return i + 1;
  }

  /**
   * Types new lines after the line containing `after`, each with exactly the indentation given
   * (Monaco indents a new line itself; the indentation it chose is selected and typed over).
   */
  async typeLinesAfter(after: string, lines: readonly string[]): Promise<void> {
    await this.cursorAtEndOf(after);
    for (const line of lines) {
      // A typed line break, not the Enter key: Enter would accept a completion the editor may
      // just have offered for the line before.
      await this.page.keyboard.insertText('\n');
      await this.page.keyboard.press('Shift+Home');
      await this.page.keyboard.insertText(line);
    }
    await this.page.keyboard.press('Escape');
  }

  /** Gives the editor the keyboard without moving its cursor (no click). */
  async focus(): Promise<void> {
    // Chromium's Monaco takes input through an EditContext element; other browsers a textarea.
    const input = this.monaco.locator('.native-edit-context, textarea.inputarea').first();
    await input.focus();
    await expect(input).toBeFocused();
  }

  /** Puts the cursor at the end of the line containing `text`. */
  async cursorAtEndOf(text: string): Promise<void> {
    await this.line(text).click();
    await this.page.keyboard.press('End');
  }
}
