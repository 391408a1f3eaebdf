/**
 * Saves text the core produced (an .ics file) as a download. The page never reaches the file
 * system: the browser (or Electron's download handling) asks where to save it.
 */
export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the object URL by now; free it shortly after.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
