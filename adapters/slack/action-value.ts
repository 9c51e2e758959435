// What a button carries back: the ask it belongs to, the entry, how the question was asked
// (so a picked suggestion keeps the visibility of the original question) and, when a member
// was named, whom the answer is for.
import type { AskedVia } from '../../src/index.js';

export const ACTION = {
  share: 'faq_share',
  choose: 'faq_choose',
  helpful: 'faq_helpful',
  notHelpful: 'faq_not_helpful',
  modalPick: 'faq_modal_pick',
  dismiss: 'faq_dismiss',
  handoff: 'faq_handoff',
} as const;

export interface ActionValue {
  readonly askId: string;
  readonly entryId: string;
  readonly via: AskedVia;
  readonly targetId?: string;
  /** On "Dismiss": the member who asked (the target, if any, is `targetId`). */
  readonly askerId?: string;
}

const USER_ID = /^[UW][A-Z0-9]+$/;

const VIAS: readonly AskedVia[] = ['command', 'mention', 'direct-message', 'message-menu', 'console', 'help-post'];

export function encodeValue(v: ActionValue): string {
  return JSON.stringify({
    a: v.askId,
    e: v.entryId,
    v: v.via,
    ...(v.targetId ? { t: v.targetId } : {}),
    ...(v.askerId ? { q: v.askerId } : {}),
  });
}

/** Undefined for anything that is not a value this adapter wrote. */
export function decodeValue(raw: string | undefined): ActionValue | undefined {
  if (!raw) return undefined;
  try {
    const o: unknown = JSON.parse(raw);
    if (typeof o !== 'object' || o === null) return undefined;
    const { a, e, v, t, q } = o as Record<string, unknown>;
    if (typeof a !== 'string' || typeof e !== 'string' || !VIAS.includes(v as AskedVia)) return undefined;
    return {
      askId: a,
      entryId: e,
      via: v as AskedVia,
      ...(typeof t === 'string' && USER_ID.test(t) ? { targetId: t } : {}),
      ...(typeof q === 'string' && USER_ID.test(q) ? { askerId: q } : {}),
    };
  } catch {
    return undefined;
  }
}
