import { useState } from 'react';

/** Saves a blob under a file name (a link's own download, with the API's credentials). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file fetched with the API's credentials and saved: whether a download is under way, and why
 * the last one failed. `download` resolves true once the file is saved.
 */
export function useFileDownload() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  async function download(
    fetchFile: () => Promise<{ blob: Blob; filename?: string }>,
    fallbackName: string,
  ): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      const { blob, filename } = await fetchFile();
      saveFile(blob, filename ?? fallbackName);
      return true;
    } catch (failure) {
      setError(failure as Error);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, clearError: () => setError(undefined), download };
}
