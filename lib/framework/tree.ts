import { isIndicatorNode, type FrameworkNode, type GroupNode } from "./schema";

export interface NodeVisit {
  /** Field path from the definition root, e.g. "nodes[1].children[0]". */
  readonly path: string;
  /** 0 for top-level nodes. */
  readonly depth: number;
  /** Group nodes from the top level down to the direct parent. */
  readonly ancestors: readonly GroupNode[];
}

/** Visits every node in pre-order (parent before children, siblings in declared order). */
export function walkNodes(
  nodes: readonly FrameworkNode[],
  visit: (node: FrameworkNode, at: NodeVisit) => void,
  at: NodeVisit = { path: "nodes", depth: 0, ancestors: [] },
): void {
  nodes.forEach((node, position) => {
    const path = `${at.path}[${position}]`;
    visit(node, { path, depth: at.depth, ancestors: at.ancestors });
    if (!isIndicatorNode(node)) {
      walkNodes(node.children, visit, {
        path: `${path}.children`,
        depth: at.depth + 1,
        ancestors: [...at.ancestors, node],
      });
    }
  });
}
