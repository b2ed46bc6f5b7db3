// Where an export went, and "Show in folder" where the app can open the file manager (Electron).
// In browser mode the page cannot open it, so the note says where the file is instead.
import type { SavedFile } from '../../../shared/contract';
import { formatSize } from './format';
import { ShowInFolder } from './ShowInFolder';

export function SavedFileNote({ file }: { file: SavedFile }) {
  if (!file.saved || !file.path) {
    return (
      <p className="muted small" role="status">
        Export cancelled: nothing was saved.
      </p>
    );
  }
  return (
    <div className="saved-file small" role="status">
      <p className="dialog-ok">
        Saved{file.bytes !== undefined ? ` ${formatSize(file.bytes)}` : ''} to <code className="saved-path">{file.path}</code>
      </p>
      {file.canReveal ? (
        <ShowInFolder path={file.path} />
      ) : (
        <p className="muted">Browser mode: the file is in Enclave’s exports folder on this computer (the desktop app asks where to save).</p>
      )}
    </div>
  );
}
