/**
 * Reaching into the nudge card from tests. The card lives in a *closed* shadow root, which page
 * scripts and Playwright's locators cannot enter (that is the point), so tests use the DevTools
 * protocol's piercing DOM view, as the browser's own inspector does, and click at the button's box
 * with the real mouse.
 */
import type { CDPSession, Page } from 'playwright-core';
import { until } from './harness.ts';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const sessions = new WeakMap<Page, CDPSession>();
async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Every node below `node`; with `visible`, nothing under an element with the `hidden` attribute. */
function* walk(node: CdpNode, visible = false): Generator<CdpNode> {
  if (visible && attr(node, 'hidden') !== null) return;
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child, visible);
}

function textOf(node: CdpNode): string {
  let out = '';
  for (const n of walk(node, true)) if (n.nodeName === '#text') out += n.nodeValue;
  return out;
}

function attr(node: CdpNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? '';
  return null;
}

/** What a person sees of the card: hidden parts (the closed snooze menu, the folded "why") are left out. */
export interface CardView {
  variant: string | null;
  text: string;
  buttons: { label: string; disabled: boolean; nodeId: number }[];
}

/** The card as a person would read it, or null when none is shown. */
export async function readCard(page: Page): Promise<CardView | null> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = [...walk(root)].find((n) => n.nodeName === 'GIVE-FIRST-NUDGE');
  if (!host) return null;
  const shadow = host.shadowRoots?.[0];
  if (!shadow) return null;
  const styleless = [...walk(shadow, true)].filter((n) => n.nodeName !== 'STYLE');
  const card = styleless.find((n) => n.nodeName === 'SECTION');
  return {
    variant: attr(host, 'data-give-first-nudge'),
    text: card ? textOf(card).replace(/\s+/g, ' ').trim() : '',
    buttons: styleless
      .filter((n) => n.nodeName === 'BUTTON')
      .map((n) => ({ label: textOf(n).trim(), disabled: attr(n, 'disabled') !== null, nodeId: n.nodeId })),
  };
}

/** Clicks a card button by its visible label, with the mouse, at the button's box. */
export async function clickCardButton(page: Page, label: string): Promise<void> {
  const card = await readCard(page);
  const button = card?.buttons.find((b) => b.label === label);
  if (!button) throw new Error(`no card button "${label}" (card: ${JSON.stringify(card)})`);
  const session = await cdp(page);
  const { model } = (await session.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** Waits until a nudge card is shown and returns what it says. */
export async function waitForCard(page: Page, timeoutMs = 3000): Promise<CardView> {
  return (await until(() => readCard(page), timeoutMs, 'the nudge card')) as CardView;
}

/** The card's closed shadow root as a DevTools node, or null when no card is shown. */
async function cardRootNode(page: Page): Promise<CdpNode | null> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = [...walk(root)].find((n) => n.nodeName === 'GIVE-FIRST-NUDGE');
  return host?.shadowRoots?.[0] ?? null;
}

/**
 * The content of the card's shadow root as rendered: the outer HTML of each of its children (its
 * <style> and the card, with the inline position and the hidden/expanded state of the moment).
 */
export async function cardMarkup(page: Page): Promise<string> {
  const shadow = await cardRootNode(page);
  if (!shadow) throw new Error('no nudge card is shown');
  const session = await cdp(page);
  let html = '';
  for (const child of shadow.children ?? []) {
    html += ((await session.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as { outerHTML: string }).outerHTML;
  }
  return html;
}

/**
 * Runs `fn` with the card's closed shadow root in the page and returns its (JSON) result. The DevTools
 * protocol hands over a reference to the root, as the inspector's console does for a selected node;
 * `fn` runs in the page's main world and must be self-contained (it is sent as source).
 */
export async function onCardRoot<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> {
  const shadow = await cardRootNode(page);
  if (!shadow) throw new Error('no nudge card is shown');
  const session = await cdp(page);
  const objectGroup = 'give-first-card';
  const { object } = (await session.send('DOM.resolveNode', { nodeId: shadow.nodeId, objectGroup })) as { object: { objectId: string } };
  try {
    const { result, exceptionDetails } = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${fn.toString()})(this); }`,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await session.send('Runtime.releaseObjectGroup', { objectGroup });
  }
}

/** What Chromium's accessibility tree says of the card (its <section>): role, name and description. */
export async function cardAccessibility(page: Page): Promise<{ role: string; name: string; description: string }> {
  const shadow = await cardRootNode(page);
  const section = shadow ? [...walk(shadow)].find((n) => n.nodeName === 'SECTION') : undefined;
  if (!section) throw new Error('no nudge card is shown');
  const session = await cdp(page);
  const { nodes } = (await session.send('Accessibility.getPartialAXTree', { nodeId: section.nodeId, fetchRelatives: false })) as {
    nodes: { role?: { value?: string }; name?: { value?: string }; description?: { value?: string } }[];
  };
  const node = nodes[0];
  return { role: node?.role?.value ?? '', name: node?.name?.value ?? '', description: node?.description?.value ?? '' };
}
