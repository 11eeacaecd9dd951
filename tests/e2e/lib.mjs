// Shared set-up for the browser journeys: configuration, Debian Chromium, login, axe-core.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.EENPLAN_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

// The demo generator writes the accounts file; without one we fall back to the dev mock's accounts.
const accountsPath =
  process.env.EENPLAN_ACCOUNTS ?? join(here, '..', '..', 'web', 'dev', 'mock-accounts.json');
export const ACCOUNTS = JSON.parse(readFileSync(accountsPath, 'utf8'));

export function account(role) {
  return ACCOUNTS.find((a) => a.role === role) ?? null;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.EENPLAN_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh browser profile in Dutch and Dutch time. Any CSP violation or uncaught page error is
 * collected; `assertClean(page)` fails the test on them.
 */
export async function newPage(browser) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      page.problems.push(`CSP: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  return page;
}

export function assertClean(page) {
  assert.deepEqual(page.problems, [], 'no CSP violations or script errors');
}

export async function login(page, acc) {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(acc.username);
  await page.getByLabel('Wachtwoord').fill(acc.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/leerlingen');
  await page.getByRole('heading', { level: 1, name: 'Mijn leerlingen' }).waitFor();
}

/** Opens the first pupil of "Mijn leerlingen" and returns its name as the list shows it. */
export async function openFirstPupil(page) {
  await page.goto('/leerlingen');
  const link = page.locator('table tbody tr th a').first();
  await link.waitFor();
  const listName = (await link.textContent()).trim();
  await link.click();
  await page.locator('#sec-personalia').waitFor();
  return { listName, url: page.url() };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function assertAccessible(page, what) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n'),
  );
  assert.equal(report.length, 0, `axe-core violations on ${what}:\n${report.join('\n')}`);
}

export const unique = (prefix) => `${prefix} ${new Date().toISOString()} ${Math.random().toString(36).slice(2, 7)}`;
