// Documents from the API (a story as PDF or Word, a booklet, a spreadsheet) fetched and handed to the browser as
// a file: a refusal (a story one may not see, personal data one may not have) is shown in the page instead of
// being saved as a file of JSON.
import { apiErrorOf } from './api';
import { dataLanguage } from './i18n';

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = disposition.match(/filename="([^"]+)"/);
  return match ? match[1] : fallback;
}

/// Fetches `path` (under /api/v1) and saves what comes back; resolves to the saved file's name.
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await fetch(`/api/v1${path}`, {
    credentials: 'same-origin',
    headers: { 'Accept-Language': dataLanguage },
  });
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  const name = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the address can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
