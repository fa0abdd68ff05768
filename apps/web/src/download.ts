/**
 * Hands text to the browser as a file to save under `name`: a Blob URL (the data never leaves the
 * page or enters its address), revoked once the download has it.
 */
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL is released on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
