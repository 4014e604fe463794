/**
 * The only way our contexts listen to messages: each handler is wrapped so that a
 * message from anyone but the senders its type allows, or with data not of its
 * shape, is refused (admit.ts) without running the handler. The refused sender gets
 * an error that says nothing more.
 */
import { browser } from 'wxt/browser';
import { onMessage, type ProtocolMap } from '../messaging';
import { admitMessage, logRefusalOnce, REFUSED, type Data, type Reply } from './admit';
import type { KnownSender, SelfIdentity, SenderLike } from './senders';

/**
 * This extension's identity. In a content script `runtime.getURL` can give a per-load
 * dynamic origin (web_accessible_resources' use_dynamic_url), so it is built from the id.
 * @example selfIdentity() // { id: 'abc…', origin: 'chrome-extension://abc…' }
 */
export function selfIdentity(): SelfIdentity {
  const id = browser.runtime.id;
  const scheme = new URL(browser.runtime.getURL('/')).protocol; // 'chrome-extension:'
  return { id, origin: `${scheme}//${id}` };
}

/**
 * Listens to one message type through the guard.
 * @example listen('bg.tryOn', (request, from) => handlers.tryOn(request));
 */
export function listen<K extends keyof ProtocolMap>(type: K, handler: (data: Data<K>, from: KnownSender) => Reply<K> | Promise<Reply<K>>): () => void {
  const self = selfIdentity();
  // webext-core's message types are looser than ProtocolMap's keys; the cast keeps ours.
  return (onMessage as unknown as (t: K, cb: (m: { data: unknown; sender: SenderLike }) => unknown) => () => void)(type, ({ data, sender }) => {
    const admission = admitMessage(type, data, sender, self);
    if (!admission.ok) {
      logRefusalOnce(type, admission.reason);
      throw new Error(REFUSED);
    }
    return handler(admission.data, admission.from);
  });
}
