/** Every string of the app in one language: nested keys to texts. */
export type Catalog = { [key: string]: string | Catalog };

/**
 * A language's catalog: `<language>.json`, with each screen area's `areas/<area>.<language>.json`
 * (top-level keys of their own) merged over it, so areas built side by side do not edit one file.
 */
export function mergedCatalog(base: Catalog, areas: Record<string, Catalog>): Catalog {
  const merged: Catalog = { ...base };
  for (const [path, area] of Object.entries(areas)) {
    for (const [key, value] of Object.entries(area)) {
      if (key in merged) throw new Error(`${path}: the key "${key}" is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}
