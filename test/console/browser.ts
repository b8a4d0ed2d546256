/**
 * What the console's end-to-end tests drive: `lockstep serve` (the built CLI, in memory, on a free port) and
 * Debian's Chromium through playwright-core. Screenshots go to `test/console/artifacts/` (gitignored), and to
 * `docs/` when `LOCKSTEP_DOCS_SCREENSHOTS=1`.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot, startServe } from '../support/serve-process.js';

/** Where Debian installs Chromium (`.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium';

const artifacts = join(repoRoot, 'test/console/artifacts');
const docs = join(repoRoot, 'docs');

/** Whether the built console is there to serve. */
export const consoleBuilt = () => existsSync(join(repoRoot, 'packages/console/dist/index.html'));

/** A running `lockstep serve`. */
export interface Server {
  url: string;
  child: ChildProcess;
  /** Calls a Step Functions operation. */
  call<T = Record<string, unknown>>(operation: string, body: object): Promise<T>;
}

/** Starts `lockstep serve --memory` on a free port, with `extra` options. */
export async function startServer(...extra: string[]): Promise<Server> {
  const { url, child } = await startServe(['--memory', ...extra]);
  const call = async <T>(operation: string, body: object): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${operation}` },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T;
    if (!response.ok) throw new Error(`${operation}: ${JSON.stringify(answer)}`);
    return answer;
  };
  return { url, child, call };
}

/** Launches Chromium headless, with the flags it needs on a closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot of the page as a test artifact (and in `docs/` as `docsName` when asked to). */
export async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  if (docsName && process.env.LOCKSTEP_DOCS_SCREENSHOTS === '1') {
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: join(docs, docsName) });
  }
}

/** Replaces the text of the CodeMirror editor labelled `label`, as a user pasting it would. */
export async function fillEditor(page: Page, label: string, text: string): Promise<void> {
  const editor = page.locator(`.cm-content[aria-label="${label}"]`);
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** A `performance.measure` the console recorded, in milliseconds (waits for it). */
export async function measured(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name);
  return page.evaluate((n) => performance.getEntriesByName(n).at(-1)!.duration, name);
}
