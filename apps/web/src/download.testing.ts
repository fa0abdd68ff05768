import { vi } from 'vitest';

/** A file the page handed to the browser to save, as the browser received it. */
export interface SavedFile {
  name: string;
  type: string;
  text: string;
  /** The Blob URL the link pointed at. */
  href: string;
  /** Whether the link was in the document when clicked (browsers ignore a detached link's download). */
  attached: boolean;
}

/**
 * jsdom has neither Blob URLs nor downloads: this stands in for the browser's side of them (the page's
 * own code runs unchanged) and records each file saved and each URL released. `restore()` puts the
 * globals back, so tests sharing one module graph (Vitest without isolation) do not see each other's.
 */
export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const clicks: { href: string; name: string; attached: boolean }[] = [];
  const released: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:hub/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    released.push(url);
  };
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({ href: this.href, name: this.download, attached: document.body.contains(this) });
  });
  return {
    released,
    /** Every file saved so far, read back. */
    async saved(): Promise<SavedFile[]> {
      return Promise.all(
        clicks.map(async ({ href, name, attached }) => {
          const blob = blobs.get(href);
          return { name, href, attached, type: blob?.type ?? '', text: blob ? await textOf(blob) : '' };
        }),
      );
    },
    restore() {
      click.mockRestore();
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    },
  };
}

/** jsdom's Blob has no text(): read it as a browser without it would. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
