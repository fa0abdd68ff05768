/**
 * Service areas are place names matched exactly but case-insensitively (DESIGN.md §3); the
 * stored key is the trimmed, whitespace-collapsed, lower-cased name.
 */
export const serviceAreaKey = (area: string): string => area.trim().replace(/\s+/g, ' ').toLowerCase();
