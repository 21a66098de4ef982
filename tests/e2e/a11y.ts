/**
 * axe-core inside a page of the built extension. The source is evaluated through the DevTools
 * protocol (page.evaluate), which the extension pages' content security policy does not apply to, so
 * nothing about the extension is loosened for testing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axeViolations(page: Page, context?: string): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, context ?? null);
}

/**
 * Violations and what axe could not decide ("incomplete", e.g. a contrast it could not measure). A
 * check that ends incomplete proves nothing, so tests of copied or unusual markup should want both empty.
 */
export async function axeResults(page: Page, context?: string): Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }> {
  await page.evaluate(axeSource);
  return page.evaluate(async (ctx) => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Result[]; incomplete: Result[] }> } }).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations', 'incomplete'] });
    const brief = (v: Result) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) });
    return { violations: result.violations.map(brief), incomplete: result.incomplete.map(brief) };
  }, context ?? null);
}
