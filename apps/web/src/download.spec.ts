import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveTextFile } from './download';
import { captureDownloads } from './download.testing';

describe('saveTextFile', () => {
  let downloads: ReturnType<typeof captureDownloads> | undefined;
  afterEach(() => {
    downloads?.restore();
  });

  it('hands the text to the browser as a file of that name through a Blob URL, then releases it', async () => {
    downloads = captureDownloads();

    saveTextFile('audit-events_2026-03-01_to_2026-03-31.csv', 'id\r\n"7"\r\n', 'text/csv;charset=utf-8');

    expect(await downloads.saved()).toEqual([
      {
        name: 'audit-events_2026-03-01_to_2026-03-31.csv',
        href: 'blob:hub/1',
        attached: true,
        type: 'text/csv;charset=utf-8',
        text: 'id\r\n"7"\r\n',
      },
    ]);
    // The link is gone from the page; the URL is released once the download has it.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    const released = downloads.released;
    await vi.waitFor(() => expect(released).toEqual(['blob:hub/1']));
  });
});
