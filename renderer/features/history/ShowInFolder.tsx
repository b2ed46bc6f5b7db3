// "Show in folder" for a file the engine saved this session; says why when it cannot.
import { useState } from 'react';
import { call, errorMessage } from '../../bridge/api';

export function ShowInFolder({ path }: { path: string }) {
  const [problem, setProblem] = useState<string>();
  const reveal = async () => {
    try {
      setProblem(undefined);
      await call('showInFolder', { path });
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  return (
    <>
      <button type="button" className="small" onClick={() => void reveal()}>
        Show in folder
      </button>
      {problem && (
        <span className="error-text small" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
