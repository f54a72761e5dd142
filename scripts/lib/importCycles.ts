import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Import cycles in a source tree, between files and between folders, for tests that keep a tree layered.
 *
 * Reads files as text: every relative specifier after `from`, `import`, `import(` or `require(` is an
 * edge, type-only imports included (a cycle through types still means neither side can be read, moved
 * or tested alone). Package imports and files outside the tree are not edges. Test files are left out by
 * default: a test may reach across the tree (fakes in one folder, the code they stand in for in another).
 * A specifier in a comment also counts; that errs towards reporting, never towards missing a cycle.
 */

/** Paths relative to the tree's root, with forward slashes; a folder's files have its path as dirname. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export interface ImportCycles {
  /** Each cycle as the files around it, starting from the alphabetically first; empty when there are none. */
  readonly files: readonly (readonly string[])[];
  /** The same for folders ('.' is the root), an edge being any import from a file in one to a file in another. */
  readonly folders: readonly (readonly string[])[];
}

export interface ImportGraphOptions {
  /** Which files are nodes; by default TypeScript and JavaScript sources that are not tests. */
  readonly isSource?: (relativePath: string) => boolean;
}

const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const TEST = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const RELATIVE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"`])(\.{1,2}\/[^'"`]*)\1/g;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js'];

export function isNonTestSource(relativePath: string): boolean {
  return SOURCE.test(relativePath) && !TEST.test(relativePath) && !relativePath.endsWith('.d.ts');
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

/** The tree's file for a relative specifier, as TypeScript's bundler resolution would find it. */
function resolveSpecifier(fromFile: string, specifier: string, nodes: ReadonlySet<string>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base.startsWith('..')) return undefined;
  // TypeScript lets './x.js' name x.ts.
  const stems = /\.[cm]?js$/.test(base) ? [base, base.replace(/\.([cm]?)js$/, '.$1ts'), base.replace(/\.js$/, '.tsx')] : [base];
  for (const stem of stems) {
    for (const suffix of RESOLVE_SUFFIXES) {
      const candidate = `${stem}${suffix}`;
      if (nodes.has(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Every source file under `root` with the files of the tree it imports. */
export function importGraph(root: string, options: ImportGraphOptions = {}): ImportGraph {
  const isSource = options.isSource ?? isNonTestSource;
  const nodes = new Set(listFiles(root).filter(isSource));
  const graph = new Map<string, string[]>();
  for (const file of [...nodes].sort()) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
      const target = resolveSpecifier(file, match[2] ?? '', nodes);
      if (target !== undefined) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The graph of folders: one edge for every import that crosses from one folder into another. */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const folders = new Map<string, Set<string>>();
  const folderOf = (file: string) => path.posix.dirname(file);
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
  }
  return new Map([...folders].map(([folder, edges]) => [folder, [...edges].sort()]));
}

/** Tarjan's strongly connected components; a component of two or more nodes, or a self-import, holds a cycle. */
function cyclicComponents(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;

  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component.sort());
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** One concrete loop through a cyclic component, from its first node back to it (shortest by breadth-first search). */
function loopThrough(component: readonly string[], graph: ImportGraph): string[] {
  const members = new Set(component);
  const start = component[0] ?? '';
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? start;
    for (const target of graph.get(node) ?? []) {
      if (target === start) {
        const loop = [node];
        while (loop[0] !== start) loop.unshift(parent.get(loop[0] ?? start) ?? start);
        return loop;
      }
      if (members.has(target) && !parent.has(target)) {
        parent.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component];
}

function cyclesOf(graph: ImportGraph): string[][] {
  return cyclicComponents(graph).map((component) => loopThrough(component, graph));
}

/** The import cycles between the files and between the folders of the tree under `root`. */
export function importCycles(root: string, options: ImportGraphOptions = {}): ImportCycles {
  const graph = importGraph(root, options);
  return { files: cyclesOf(graph), folders: cyclesOf(folderGraph(graph)) };
}
