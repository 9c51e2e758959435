// Small helpers to rewrite an mdast tree in place: the importer's clean-up passes are each a
// function from a node's children to new children, applied at every level.
import type { Nodes, Parent, RootContent } from 'mdast';

/** Replaces the children of every parent under `node` (depth first, children before parents). */
export function rewriteChildren(node: Nodes, fn: (children: RootContent[], parent: Parent) => RootContent[]): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  for (const child of parent.children) rewriteChildren(child as Nodes, fn);
  parent.children = fn(parent.children as RootContent[], parent) as Parent['children'];
}

/** Calls `fn` on every node under `node`, parents first. */
export function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes, fn);
}

/** The page text a node was parsed from, when it has a position. */
export function sourceOf(node: Nodes, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}
