// What a GGUF file's header says, and whether it fits in memory, before anything is loaded.
import type { GgufReport } from '../../../shared/types';
import { formatBytes, formatParameters } from './format-bytes';

export function GgufReportView({ report }: { report: GgufReport }) {
  return (
    <div className="gguf-report" aria-label="Model file details">
      <h3>{report.name}</h3>
      <dl>
        <dt>Architecture</dt>
        <dd>{report.architecture}</dd>
        <dt>Quantisation</dt>
        <dd>{report.quantisation}</dd>
        <dt>Parameters</dt>
        <dd>{formatParameters(report.parameters)}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(report.sizeBytes)}</dd>
        <dt>Context</dt>
        <dd>
          {report.contextLength ? `${report.contextLength.toLocaleString()} tokens trained` : 'not stated'}
          {` · opens ${report.contextSize.toLocaleString()}`}
        </dd>
        <dt>Memory</dt>
        <dd className={report.fits ? 'fits' : 'does-not-fit'}>
          needs about {formatBytes(report.ramNeededBytes)} · {formatBytes(report.ramFreeBytes)} free now
        </dd>
      </dl>
      {!report.fits && <p className="error-text">This model needs more memory than is free. Close other programs, or pick a smaller quantisation.</p>}
      {!report.supported && <p className="error-text">This version of llama.cpp cannot run the “{report.architecture}” architecture.</p>}
    </div>
  );
}
