// Where an export may be written, checked before a byte is: an absolute path in a folder that
// exists and Enclave may write in, ending in the format's extension. The OS save dialog has
// already asked before replacing a file; a name it did not show (an extension we added) must not
// replace anything.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute } from 'node:path';
import { UserFacingError } from '../errors/user-facing-error';

/** Extensions a file of each kind may end in; the first is the one we suggest. */
const ACCEPTED: Record<string, { label: string; extensions: string[] }> = {
  md: { label: 'A Markdown export', extensions: ['.md', '.markdown'] },
  html: { label: 'An HTML export', extensions: ['.html', '.htm'] },
  json: { label: 'A JSON export', extensions: ['.json'] },
  csv: { label: 'A CSV export', extensions: ['.csv'] },
  enclave: { label: 'An encrypted archive', extensions: ['.enclave'] },
};

/** For a save dialog's filter: "Markdown export" and ['md', 'markdown']. */
export function fileFilter(extension: string): { name: string; extensions: string[] } {
  const accepted = ACCEPTED[extension];
  if (!accepted) return { name: extension.toUpperCase(), extensions: [extension] };
  return { name: accepted.label.replace(/^An? /, ''), extensions: accepted.extensions.map((e) => e.slice(1)) };
}

const refuse = (message: string): never => {
  throw new UserFacingError({ kind: 'bad-request', message: `${message} Nothing was saved.` });
};

/** The path to write for `chosen` (the dialog's answer), or a refusal that says what to change. */
export function exportTarget(chosen: string, extension: string): string {
  if (chosen.includes('\0') || !isAbsolute(chosen)) refuse(`“${chosen.slice(0, 200)}” is not a full path to a file.`);
  const accepted = ACCEPTED[extension] ?? { label: 'This export', extensions: [`.${extension}`] };
  let path = chosen;
  const ext = extname(chosen).toLowerCase();
  if (ext === '') {
    path = `${chosen}.${extension}`;
    if (existsSync(path)) refuse(`“${basename(path)}” already exists in that folder. Choose another name, or choose the file itself to replace it.`);
  } else if (!accepted.extensions.includes(ext)) {
    refuse(`${accepted.label} ends in ${accepted.extensions.join(' or ')}, not ${ext}: other apps would not open “${basename(chosen)}” as one. Choose the name again.`);
  }
  checkFolder(dirname(path));
  if (existsSync(path) && statSync(path).isDirectory()) refuse(`“${basename(path)}” is a folder. Choose a file name.`);
  return path;
}

function checkFolder(dir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return refuse(`The folder ${dir} no longer exists. Choose another folder.`);
  }
  if (!isDir) refuse(`${dir} is not a folder. Choose another folder.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    refuse(`Enclave may not write in ${dir} (permission denied). Choose another folder, such as Downloads.`);
  }
}
