// Reading what the bot sent: blocks, button values, the text of sections.
interface AnyBlock {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
  fields?: { text: string }[];
  element?: { options?: { value: string }[] };
  block_id?: string;
}

export function blocksOf(message: Record<string, unknown>): AnyBlock[] {
  const b = message.blocks;
  return Array.isArray(b) ? (b as AnyBlock[]) : [];
}

export function buttons(message: Record<string, unknown>): { actionId: string; value: string; label: string }[] {
  return blocksOf(message)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ actionId: e.action_id ?? '', value: e.value ?? '', label: e.text?.text ?? '' }));
}

export function button(message: Record<string, unknown>, actionId: string | RegExp, label?: RegExp): { actionId: string; value: string } {
  const found = buttons(message).find(
    (b) => (typeof actionId === 'string' ? b.actionId === actionId : actionId.test(b.actionId)) && (!label || label.test(b.label)),
  );
  if (!found) throw new Error(`no button ${String(actionId)} ${label ? String(label) : ''} in ${JSON.stringify(buttons(message))}`);
  return found;
}

export function sectionTexts(message: Record<string, unknown>): string[] {
  return blocksOf(message)
    .filter((b) => b.type === 'section' && b.text)
    .map((b) => b.text!.text);
}

export function headerText(message: Record<string, unknown>): string | undefined {
  return blocksOf(message).find((b) => b.type === 'header')?.text?.text;
}

/** Every `<@…>`, `<!…>` and `<#…>` token anywhere in a message: who or what would be pinged. */
export function pings(message: unknown): string[] {
  return [...JSON.stringify(message).matchAll(/<[@!#][^>]*>/g)].map((m) => m[0]);
}
