/** A lenient DER tree for structure-aware mutation in tests: parse, edit nodes, serialise with fixed lengths. */

export interface DerNode {
  tag: number;
  /** Constructed nodes have children; primitive ones have content. */
  children?: DerNode[];
  content?: Uint8Array;
  /** Encode the length in this many bytes of long form (non-minimal), or 'indefinite'. */
  lengthForm?: number | 'indefinite';
}

function readLength(bytes: Uint8Array, offset: number): { length: number; next: number } | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  if (first < 0x80) return { length: first, next: offset + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 4 || offset + 1 + count > bytes.length) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 1 + i]!;
  return { length, next: offset + 1 + count };
}

function parseAt(
  bytes: Uint8Array,
  offset: number,
  end: number,
  depth: number,
): { node: DerNode; next: number } | null {
  if (offset + 2 > end || depth > 40) return null;
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) return null;
  const length = readLength(bytes, offset + 1);
  if (!length || length.next + length.length > end) return null;
  const contentEnd = length.next + length.length;
  if (tag & 0x20) {
    const children: DerNode[] = [];
    for (let cursor = length.next; cursor < contentEnd;) {
      const child = parseAt(bytes, cursor, contentEnd, depth + 1);
      if (!child)
        return { node: { tag, content: bytes.slice(length.next, contentEnd), children: undefined }, next: contentEnd };
      children.push(child.node);
      cursor = child.next;
    }
    return { node: { tag, children }, next: contentEnd };
  }
  return { node: { tag, content: bytes.slice(length.next, contentEnd) }, next: contentEnd };
}

export function parseDer(bytes: Uint8Array): DerNode | null {
  return parseAt(bytes, 0, bytes.length, 0)?.node ?? null;
}

function lengthBytes(length: number, form: DerNode['lengthForm']): number[] {
  if (form === 'indefinite') return [0x80];
  const minimal: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) minimal.unshift(rest % 256);
  if (form === undefined) return length < 0x80 ? [length] : [0x80 | minimal.length, ...minimal];
  const padded = [...new Array(Math.max(0, form - minimal.length)).fill(0), ...minimal];
  return [0x80 | padded.length, ...padded];
}

export function serialize(node: DerNode): Uint8Array {
  const body = node.children ? concat(node.children.map(serialize)) : (node.content ?? new Uint8Array());
  const trailer = node.lengthForm === 'indefinite' ? [0, 0] : [];
  return concat([
    new Uint8Array([node.tag, ...lengthBytes(body.length, node.lengthForm)]),
    body,
    new Uint8Array(trailer),
  ]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Every node with its parent and index, depth-first. */
export function allNodes(root: DerNode): { node: DerNode; parent: DerNode | null; index: number }[] {
  const out: { node: DerNode; parent: DerNode | null; index: number }[] = [];
  const visit = (node: DerNode, parent: DerNode | null, index: number) => {
    out.push({ node, parent, index });
    node.children?.forEach((child, i) => visit(child, node, i));
  };
  visit(root, null, 0);
  return out;
}

export function cloneTree(node: DerNode): DerNode {
  return {
    tag: node.tag,
    lengthForm: node.lengthForm,
    content: node.content?.slice(),
    children: node.children?.map(cloneTree),
  };
}
