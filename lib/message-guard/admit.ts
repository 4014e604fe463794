/**
 * The decision before any handler runs: the sender must be one of ours that may send
 * this type (senders.ts) and the data must have the type's shape (payloads.ts).
 * Refusals are logged once per type and reason, so a hostile sender cannot flood the console.
 */
import type { ProtocolMap } from '../messaging';
import { PAYLOAD_CHECKS } from './payloads';
import { identifySender, senderAllowed, type KnownSender, type SelfIdentity, type SenderLike } from './senders';
import { ShapeError } from './shape';

export type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
export type Reply<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

export type Admission<K extends keyof ProtocolMap> = { ok: true; data: Data<K>; from: KnownSender } | { ok: false; reason: string };

/** What a refused sender receives: nothing it could learn from. */
export const REFUSED = 'Fitroom refused this message.';

/**
 * Whether a message may reach its handler, with its data checked.
 * @example
 *   admitMessage('bg.tryOn', { jobId: 'j', src: 'https://cdn/x.jpg' }, sender, self)
 *   // { ok: true, data, from: { kind: 'overlay', tabId: 4 } }, or { ok: false, reason: 'sender content may not send bg.tryOn' }
 */
export function admitMessage<K extends keyof ProtocolMap>(type: K, data: unknown, sender: SenderLike | undefined, self: SelfIdentity): Admission<K> {
  const from = identifySender(sender, self);
  if (!from) return { ok: false, reason: `a sender that is not one of Fitroom's own contexts (${describeSender(sender)})` };
  if (!senderAllowed(type, from)) return { ok: false, reason: `sender ${from.kind} may not send ${type}` };
  try {
    return { ok: true, data: PAYLOAD_CHECKS[type](data, 'data') as Data<K>, from };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, reason: e.message };
    throw e;
  }
}

const logged = new Set<string>();

/**
 * Logs a refusal the first time its type and reason are seen.
 * @example logRefusalOnce('bg.tryOn', 'sender content may not send bg.tryOn') // true the first time, then false
 */
export function logRefusalOnce(type: string, reason: string, log: (message: string) => void = console.warn): boolean {
  const key = `${type}|${reason}`;
  if (logged.has(key)) return false;
  logged.add(key);
  log(`Fitroom: refused a ${type} message: ${reason}.`);
  return true;
}

function describeSender(sender: SenderLike | undefined): string {
  if (!sender) return 'no sender';
  const url = typeof sender.url === 'string' ? sender.url.slice(0, 80) : 'no URL';
  return `id ${sender.id ?? 'none'}, ${url}${sender.tab ? `, tab ${sender.tab.id}, frame ${sender.frameId}` : ''}`;
}
