// ESLint rule: no import cycle between the modules of lib/ (a module is a folder directly
// under lib/, such as lib/assessment, or a single file such as lib/policy.ts). Cycles
// between files are rare; cycles between modules creep in one convenient import at a time
// and make it impossible to say which module sits below the other. The rule reads every
// lib/ file's imports once per process (a regular expression is enough for this codebase's
// import style) and reports the import that closes a cycle, naming the way back.
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const SKIP = new Set(["generated"]);

/** "lib/assessment/answers.ts" -> "lib/assessment"; "lib/policy.ts" -> "lib/policy". */
export function moduleOf(file) {
  const parts = file.split("/");
  if (parts[0] !== "lib") return null;
  if (parts.length > 2) return SKIP.has(parts[1]) ? null : `lib/${parts[1]}`;
  return `lib/${parts[1].replace(/\.(ts|tsx|mts)$/, "")}`;
}

/** The lib/ path an import specifier points at, or null for packages and anything outside lib/. */
export function targetOf(fromFile, specifier) {
  let target;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  else return null;
  return target.startsWith("lib/") ? target : null;
}

export function importsOf(fromFile, source) {
  const targets = [];
  for (const match of source.matchAll(IMPORT)) {
    const target = targetOf(fromFile, match[1] ?? match[2]);
    if (target) targets.push(target);
  }
  return targets;
}

/** Module graph: module -> (module it imports -> first file that imports it). */
export function moduleGraph(files) {
  const graph = new Map();
  for (const { file, source } of files) {
    const from = moduleOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const target of importsOf(file, source)) {
      const to = moduleOf(target.includes("/", 4) ? target : `${target}.ts`);
      if (to && to !== from && !graph.get(from).has(to)) graph.get(from).set(to, file);
    }
  }
  return graph;
}

/** Shortest module path from `start` to `goal` (both included), or null. */
export function pathBetween(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const current = queue.shift();
    if (current === goal) {
      const route = [];
      for (let at = goal; at !== null; at = previous.get(at)) route.unshift(at);
      return route;
    }
    for (const next of graph.get(current)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

function readLib(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) walk(relative);
      } else if (/\.(ts|tsx|mts)$/.test(entry.name)) {
        files.push({ file: relative, source: fs.readFileSync(path.join(root, relative), "utf8") });
      }
    }
  };
  walk("lib");
  return files;
}

const graphs = new Map();

export const noModuleCycles = {
  meta: {
    type: "problem",
    docs: { description: "No import cycle between the modules (top-level folders and files) of lib/" },
    schema: [],
    messages: { cycle: "{{from}} imports {{to}}, but {{to}} already depends on {{from}} ({{route}}): move the shared part below both." },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const from = moduleOf(file);
    if (!from) return {};
    if (!graphs.has(root)) graphs.set(root, moduleGraph(readLib(root)));
    const graph = graphs.get(root);
    // The file being linted may differ from disk (an editor buffer, a test's text): use its own imports.
    const check = (node, specifier) => {
      const target = targetOf(file, specifier);
      if (!target) return;
      const to = moduleOf(target.includes("/", 4) ? target : `${target}.ts`);
      if (!to || to === from) return;
      const route = pathBetween(graph, to, from);
      if (route) context.report({ node, messageId: "cycle", data: { from, to, route: route.join(" -> ") } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

/**
 * Another module of lib/ is imported as @/lib/...: the boundary rules in eslint.config.mjs
 * match import paths, so a relative path that leaves its module would slip past them.
 */
export const noRelativeAcrossModules = {
  meta: {
    type: "problem",
    docs: { description: "Imports that leave a lib/ module are written @/lib/..." },
    schema: [],
    messages: { relative: "'{{specifier}}' leaves {{from}}: import it as '@/{{target}}' so the boundary rules see it." },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const from = moduleOf(file);
    if (!from) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== "string" || !specifier.startsWith(".")) return;
      const target = targetOf(file, specifier);
      const to = target && moduleOf(target.includes("/", 4) ? target : `${target}.ts`);
      if (to !== from) context.report({ node, messageId: "relative", data: { specifier, from, target: target ?? specifier } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

const plugin = { rules: { "no-module-cycles": noModuleCycles, "no-relative-across-modules": noRelativeAcrossModules } };

export default plugin;
