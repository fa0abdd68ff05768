import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveTextFile } from './download';

/** jsdom's Blob has no text(): read it as a browser without it would. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('saveTextFile', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hands the text to the browser as a file of that name through a Blob URL, then releases it', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:hub/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });

    saveTextFile('audit-events_2026-03-01_to_2026-03-31.csv', 'id\r\n"7"\r\n', 'text/csv;charset=utf-8');

    expect(clicked).toEqual([
      { href: 'blob:hub/1', download: 'audit-events_2026-03-01_to_2026-03-31.csv', attached: true },
    ]);
    expect(blobs.map((blob) => blob.type)).toEqual(['text/csv;charset=utf-8']);
    await expect(textOf(blobs[0])).resolves.toBe('id\r\n"7"\r\n');
    // The link is gone from the page; the URL is released once the download has it.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:hub/1'));
  });
});
