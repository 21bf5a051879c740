/**
 * @peculiar/x509 depends on tsyringe, which refuses to load without `Reflect.getMetadata`. The emulator needs
 * only the tiny subset tsyringe calls, so this file provides it instead of adding a polyfill dependency.
 * Import it before @peculiar/x509 (emulator/certs/x509.ts does).
 */
type Key = string | symbol;
type MetadataTarget = object;

const store = new WeakMap<MetadataTarget, Map<string | symbol | undefined, Map<Key, unknown>>>();

function table(target: MetadataTarget, property: Key | undefined, create: boolean): Map<Key, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let entries = byProperty.get(property);
  if (!entries && create) {
    entries = new Map();
    byProperty.set(property, entries);
  }
  return entries;
}

function getOwnMetadata(key: Key, target: MetadataTarget, property?: Key): unknown {
  return table(target, property, false)?.get(key);
}

function getMetadata(key: Key, target: MetadataTarget, property?: Key): unknown {
  for (let t: MetadataTarget | null = target; t; t = Object.getPrototypeOf(t) as MetadataTarget | null) {
    const entries = table(t, property, false);
    if (entries?.has(key)) return entries.get(key);
  }
  return undefined;
}

function defineMetadata(key: Key, value: unknown, target: MetadataTarget, property?: Key): void {
  table(target, property, true)!.set(key, value);
}

const reflect = Reflect as unknown as Record<string, unknown>;
if (typeof reflect.getMetadata !== 'function') {
  Object.assign(reflect, {
    getMetadata,
    getOwnMetadata,
    defineMetadata,
    hasMetadata: (key: Key, target: MetadataTarget, property?: Key) => getMetadata(key, target, property) !== undefined,
    metadata: (key: Key, value: unknown) => (target: MetadataTarget, property?: Key) =>
      defineMetadata(key, value, target, property),
  });
}

export {};
