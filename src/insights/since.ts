// `--since 7d`: a period back from now, or a date.
import { FaqbotError } from '../errors.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds since the epoch for `7d`, `24h`, `2w`, `30m` or a date such as `2026-11-01`. */
export function parseSince(value: string, now: number): number {
  const text = value.trim();
  const period = /^(\d{1,6})\s*([mhdw])$/i.exec(text);
  if (period) return now - Number(period[1]) * UNIT_MS[period[2]!.toLowerCase()]!;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const at = Date.parse(text);
    if (Number.isFinite(at)) return at;
  }
  throw new FaqbotError('usage', `--since ${JSON.stringify(value)} is not a period or a date; write e.g. 7d, 24h, 2w, 30m or 2026-11-01`);
}
