/**
 * What every end-to-end suite starts with: the fixture servers, Chromium with the
 * built extension and its popup open; and what it ends with: its timings written
 * to test-results/e2e/ and printed, everything closed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artefactsDir, launchWithExtension, type ExtensionBrowser } from './chromium';
import { startTestServers, type TestServers } from './static-server';

export interface ExtensionSession {
  browser: ExtensionBrowser;
  servers: TestServers;
  /** The extension's popup, open in a tab. */
  popup: Page;
}

/**
 * @example beforeAll(async () => ({ browser, servers, popup } = await openExtensionSession()));
 */
export async function openExtensionSession(): Promise<ExtensionSession> {
  mkdirSync(artefactsDir, { recursive: true });
  const servers = await startTestServers();
  const browser = await launchWithExtension();
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  return { browser, servers, popup };
}

/**
 * Writes the suite's timings (when it took any) to `artefactsDir/file` and prints them
 * under `label`, then closes the browser and the servers (either may be missing when
 * starting failed).
 * @example afterAll(() => closeExtensionSession({ browser, servers }, timings, 'timings.json', 'Fitroom e2e timings (ms):'));
 */
export async function closeExtensionSession(session: Partial<Omit<ExtensionSession, 'popup'>>, timings: Record<string, number>, file: string, label: string): Promise<void> {
  if (Object.keys(timings).length) {
    writeFileSync(join(artefactsDir, file), `${JSON.stringify(timings, null, 2)}\n`);
    console.info(label, timings);
  }
  await session.browser?.close();
  await session.servers?.close();
}
