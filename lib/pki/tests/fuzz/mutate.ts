/**
 * Deterministic mutations of real certificate DER for the differential fuzz: byte-level (bit flips, byte
 * changes, length edits, truncation, trailing data) and structure-aware (string-type swaps and hostile string
 * contents in names, times, versions, serials, BIT STRING padding, non-minimal and indefinite lengths,
 * duplicated or edited extensions, hostile SAN and name-constraint values).
 */
import { allNodes, cloneTree, concat, parseDer, serialize, type DerNode } from './der-tree';

export type Random = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, below: number) => Math.floor(random() * below);
const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

const STRING_TAGS = [0x0c, 0x13, 0x16, 0x12, 0x14, 0x1a, 0x1c, 0x1e] as const;

/** Contents that some string type refuses (or that are hostile to display but valid). */
const HOSTILE_CONTENTS: Uint8Array[] = [
  bytes(0xff),
  bytes(0xc0, 0x80),
  bytes(0xed, 0xa0, 0x80),
  bytes(0xf4, 0x90, 0x80, 0x80),
  bytes(0xe2, 0x80, 0xae),
  bytes(0x00),
  bytes(0x41),
  bytes(0xd8, 0x00),
  bytes(0xdc, 0x00, 0x00, 0x41),
  bytes(0x00, 0x41, 0x00),
  bytes(0xff, 0xfe),
  bytes(0x00, 0x11, 0x00, 0x00),
  bytes(0x00, 0x00, 0xd8, 0x00),
  bytes(0x00, 0x00, 0x00, 0x41),
  bytes(0x00, 0x00, 0x00),
  ascii('a@b'),
  ascii('under_score'),
  ascii('x\u0001y'),
  bytes(0xe9),
  ascii('12 34'),
  new Uint8Array(),
];

const TIME_CONTENTS = [
  '991231235959Z',
  '500101000000Z',
  '491231235959Z',
  '2402290000Z',
  '230229000000Z',
  '241301000000Z',
  '240132000000Z',
  '240101246000Z',
  '240101000060Z',
  '240101000000+0100',
  '240101000000+0000',
  '240101000000-2400',
  '240101000000',
  '240101000000.5Z',
  '20240101000000Z',
  '20240101000000.123Z',
  '202401010000Z',
  '20240230000000Z',
  '20241231235959-0130',
  '2024010100000Z',
  '24010100000aZ',
  ' 40101000000Z',
];

function nodesOf(root: DerNode) {
  return allNodes(root);
}

function nameValues(root: DerNode): DerNode[] {
  return nodesOf(root)
    .map(({ node }) => node)
    .filter(
      (node) =>
        node.tag === 0x30 &&
        node.children?.length === 2 &&
        node.children[0]!.tag === 0x06 &&
        !node.children[1]!.children,
    )
    .map((node) => node.children![1]!)
    .filter((value) => value.content !== undefined && value.tag !== 0x05 && value.tag !== 0x04);
}

function tbsOf(root: DerNode): DerNode | undefined {
  return root.children?.[0];
}

function extensionsOf(root: DerNode): DerNode | undefined {
  return tbsOf(root)?.children?.find((node) => node.tag === 0xa3)?.children?.[0];
}

/** Re-parses an extension's extnValue, mutates inside it with `edit`, and puts it back. */
function editExtensionValue(extension: DerNode, edit: (value: DerNode) => void): boolean {
  const octet = extension.children?.[extension.children.length - 1];
  if (!octet?.content) return false;
  const inner = parseDer(octet.content);
  if (!inner) return false;
  edit(inner);
  octet.content = serialize(inner);
  return true;
}

type TreeMutation = (root: DerNode, random: Random) => boolean;

const TREE_MUTATIONS: Record<string, TreeMutation> = {
  'string-type-swap': (root, random) => {
    const values = nameValues(root);
    if (!values.length) return false;
    pick(random, values).tag = pick(random, STRING_TAGS);
    return true;
  },
  'string-content': (root, random) => {
    const values = nameValues(root);
    if (!values.length) return false;
    const value = pick(random, values);
    const hostile = pick(random, HOSTILE_CONTENTS);
    const at = int(random, (value.content?.length ?? 0) + 1);
    value.content = concat([value.content!.subarray(0, at), hostile, value.content!.subarray(at)]);
    if (random() < 0.5) value.tag = pick(random, STRING_TAGS);
    return true;
  },
  'string-replace': (root, random) => {
    const values = nameValues(root);
    if (!values.length) return false;
    const value = pick(random, values);
    value.content = pick(random, HOSTILE_CONTENTS).slice();
    value.tag = pick(random, STRING_TAGS);
    return true;
  },
  time: (root, random) => {
    const times = nodesOf(root).filter(({ node }) => node.tag === 0x17 || node.tag === 0x18);
    if (!times.length) return false;
    const { node } = pick(random, times);
    const text = pick(random, TIME_CONTENTS);
    node.content = ascii(text);
    node.tag =
      random() < 0.2 ? (node.tag === 0x17 ? 0x18 : 0x17) : text.length >= 15 && /^\d{14}/.test(text) ? 0x18 : 0x17;
    return true;
  },
  version: (root, random) => {
    const tbs = tbsOf(root);
    const first = tbs?.children?.[0];
    if (!tbs?.children || !first) return false;
    const value = pick(random, [
      bytes(0),
      bytes(1),
      bytes(2),
      bytes(3),
      bytes(0xff),
      bytes(0, 2),
      bytes(0x80),
      bytes(),
    ]);
    if (first.tag === 0xa0 && first.children?.[0]) first.children[0].content = value;
    else tbs.children.unshift({ tag: 0xa0, children: [{ tag: 0x02, content: value }] });
    return true;
  },
  serial: (root, random) => {
    const tbs = tbsOf(root);
    const serial = tbs?.children?.find((node) => node.tag === 0x02);
    if (!serial?.content) return false;
    serial.content = pick(random, [
      bytes(0xff, 0x01),
      bytes(0x80),
      bytes(0x00, 0x01),
      bytes(0x00),
      bytes(),
      concat([bytes(0x00), serial.content]),
      bytes(0x01, ...new Array(25).fill(0x11)),
    ]);
    return true;
  },
  'bit-string-padding': (root, random) => {
    const bitStrings = nodesOf(root).filter(({ node }) => node.tag === 0x03 && node.content?.length);
    if (!bitStrings.length) return false;
    const { node } = pick(random, bitStrings);
    node.content![0] = pick(random, [1, 3, 7, 8, 0xff]);
    return true;
  },
  'non-minimal-length': (root, random) => {
    const nodes = nodesOf(root);
    pick(random, nodes).node.lengthForm = pick(random, [1, 2, 3, 4]);
    return true;
  },
  'indefinite-length': (root, random) => {
    const constructed = nodesOf(root).filter(({ node }) => node.children);
    if (!constructed.length) return false;
    pick(random, constructed).node.lengthForm = 'indefinite';
    return true;
  },
  'duplicate-extension': (root, random) => {
    const list = extensionsOf(root);
    if (!list?.children?.length) return false;
    list.children.push(cloneTree(pick(random, list.children)));
    return true;
  },
  'extension-critical': (root, random) => {
    const list = extensionsOf(root);
    if (!list?.children?.length) return false;
    const extension = pick(random, list.children);
    const flag = pick(random, [bytes(0xff), bytes(0x01), bytes(0x00), bytes(0xff, 0xff)]);
    if (extension.children![1]?.tag === 0x01) extension.children![1].content = flag;
    else extension.children!.splice(1, 0, { tag: 0x01, content: flag });
    return true;
  },
  'extension-value': (root, random) => {
    const list = extensionsOf(root);
    if (!list?.children?.length) return false;
    const extension = pick(random, list.children);
    return editExtensionValue(extension, (inner) => {
      const nodes = allNodes(inner);
      const { node, parent, index } = pick(random, nodes);
      switch (int(random, 6)) {
        case 0:
          node.lengthForm = pick(random, [1, 2]);
          break;
        case 1:
          if (node.content) node.content = concat([node.content, pick(random, HOSTILE_CONTENTS)]);
          break;
        case 2:
          if (node.content?.length) {
            const at = int(random, node.content.length);
            node.content[at] = node.content[at]! ^ (1 << int(random, 8));
          }
          break;
        case 3:
          if (parent?.children) parent.children.splice(index, 1);
          break;
        case 4:
          node.tag = pick(random, [0x01, 0x02, 0x03, 0x04, 0x06, 0x30, 0x80, 0x81, 0x82, 0x86, 0x87, 0xa0, 0xa4]);
          break;
        default:
          if (parent?.children) parent.children.push(cloneTree(node));
      }
    });
  },
  'add-extension': (root, random) => {
    const list = extensionsOf(root);
    if (!list?.children) return false;
    const oid = (last: number) => ({ tag: 0x06, content: bytes(0x55, 0x1d, last) });
    const candidates: [number, DerNode][] = [
      [
        0x11,
        {
          tag: 0x30,
          children: [{ tag: 0x82, content: pick(random, [ascii('ok.example'), bytes(0xc3, 0xa9), ascii('a\u202eb')]) }],
        },
      ],
      [
        0x11,
        {
          tag: 0x30,
          children: [
            {
              tag: 0x86,
              content: pick(random, [ascii('https://ok.example/'), ascii('https://%zz/'), ascii('http://a b/')]),
            },
          ],
        },
      ],
      [
        0x11,
        {
          tag: 0x30,
          children: [
            {
              tag: 0x87,
              content: pick(random, [
                bytes(10, 0, 0, 1),
                bytes(10, 0, 0),
                bytes(...new Array(10).fill(0), 0xff, 0xff, 1, 2, 3, 4),
              ]),
            },
          ],
        },
      ],
      [0x11, { tag: 0x30, children: [{ tag: 0x81, content: pick(random, [ascii('a@ok.example'), bytes(0x80)]) }] }],
      [
        0x1e,
        {
          tag: 0x30,
          children: [
            {
              tag: 0xa0,
              children: [
                {
                  tag: 0x30,
                  children: [
                    { tag: 0x82, content: pick(random, [ascii('.ok.example'), ascii('bad.'), ascii('a..b')]) },
                  ],
                },
              ],
            },
          ],
        },
      ],
      [
        0x1e,
        {
          tag: 0x30,
          children: [
            {
              tag: 0xa0,
              children: [
                {
                  tag: 0x30,
                  children: [
                    {
                      tag: 0x87,
                      content: pick(random, [
                        bytes(10, 0, 0, 0, 255, 0, 0, 0),
                        bytes(10, 0, 0, 0, 0, 255, 0, 0),
                        bytes(10, 0, 0, 0),
                      ]),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
      [0x1e, { tag: 0x30, children: [] }],
      [
        0x20,
        {
          tag: 0x30,
          children: [
            { tag: 0x30, children: [{ tag: 0x06, content: bytes(0x55, 0x1d, 0x20, 0x00) }] },
            ...(random() < 0.5
              ? [{ tag: 0x30, children: [{ tag: 0x06, content: bytes(0x55, 0x1d, 0x20, 0x00) }] }]
              : []),
          ],
        },
      ],
      [
        0x25,
        {
          tag: 0x30,
          children: [
            { tag: 0x06, content: pick(random, [bytes(0x2b, 0x06, 0x01), bytes(0x2b, 0x80, 0x01), bytes(0x2b, 0x86)]) },
          ],
        },
      ],
      [
        0x13,
        {
          tag: 0x30,
          children: [
            { tag: 0x01, content: bytes(0xff) },
            { tag: 0x02, content: pick(random, [bytes(0), bytes(0xff), bytes(0, 1)]) },
          ],
        },
      ],
      [0x0f, { tag: 0x03, content: pick(random, [bytes(1, 0x06), bytes(1, 0x07), bytes(0), bytes(8, 0)]) }],
      [0x23, { tag: 0x30, children: [{ tag: 0x80, content: bytes(1, 2, 3) }] }],
      [0x0e, { tag: 0x04, content: bytes(1, 2, 3) }],
    ];
    const [last, value] = pick(random, candidates);
    const extension: DerNode = { tag: 0x30, children: [oid(last), { tag: 0x04, content: serialize(value) }] };
    if (random() < 0.3) extension.children!.splice(1, 0, { tag: 0x01, content: bytes(0xff) });
    list.children = list.children.filter((existing) => {
      const id = existing.children?.[0]?.content;
      return !(id && id.length === 3 && id[0] === 0x55 && id[1] === 0x1d && id[2] === last);
    });
    list.children.push(extension);
    return true;
  },
  'algorithm-mismatch': (root) => {
    const outer = root.children?.[1];
    const params = outer?.children;
    if (!params) return false;
    if (params.length === 1) params.push({ tag: 0x05, content: bytes() });
    else params.pop();
    return true;
  },
  'extra-field': (root, random) => {
    const containers = [root, tbsOf(root), root.children?.[1]].filter((node): node is DerNode => !!node?.children);
    pick(random, containers).children!.push({ tag: pick(random, [0x05, 0x02, 0xa5, 0x04]), content: bytes() });
    return true;
  },
  'drop-field': (root, random) => {
    const constructed = nodesOf(root).filter(({ node }) => node.children?.length);
    const { node } = pick(random, constructed);
    node.children!.splice(int(random, node.children!.length), 1);
    return true;
  },
};

type ByteMutation = (der: Uint8Array, random: Random) => Uint8Array;

const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  'bit-flip': (der, random) => {
    const out = der.slice();
    for (let n = 1 + int(random, 3); n > 0; n--) {
      const at = int(random, out.length);
      out[at] = out[at]! ^ (1 << int(random, 8));
    }
    return out;
  },
  'byte-change': (der, random) => {
    const out = der.slice();
    out[int(random, out.length)] = pick(random, [0x00, 0x7f, 0x80, 0x81, 0xff, int(random, 256)]);
    return out;
  },
  'length-edit': (der, random) => {
    const out = der.slice();
    const tree = parseDer(der);
    // Length bytes follow tag bytes of nodes; pick a random position and nudge the byte there.
    const at = tree ? int(random, Math.min(out.length, 400)) : int(random, out.length);
    out[at] = (out[at]! + pick(random, [1, -1, 2, -2, 0x80])) & 0xff;
    return out;
  },
  truncate: (der, random) => der.slice(0, int(random, der.length)),
  'trailing-data': (der, random) =>
    concat([der, pick(random, [bytes(0), bytes(0, 0), bytes(0x30, 0x00), ascii('\n')])]),
};

export const MUTATION_NAMES = [...Object.keys(TREE_MUTATIONS), ...Object.keys(BYTE_MUTATIONS)];

/** One mutated certificate; structure-aware mutations are tried twice as often as byte-level ones. */
export function mutate(der: Uint8Array, random: Random): { kind: string; der: Uint8Array } {
  const treeNames = Object.keys(TREE_MUTATIONS);
  const byteNames = Object.keys(BYTE_MUTATIONS);
  if (random() < 0.7) {
    const kind = pick(random, treeNames);
    const tree = parseDer(der);
    if (tree && TREE_MUTATIONS[kind]!(tree, random)) return { kind, der: serialize(tree) };
  }
  const kind = pick(random, byteNames);
  return { kind, der: BYTE_MUTATIONS[kind]!(der, random) };
}
