/** `inloop models list` as a table a person reads. Pure. */
import { formatBytes } from './download-progress';
import type { ModelStatus } from './list-models';

/** One word for a model's state: installed (and how sure we are of its bytes), or not. */
export function modelState(model: ModelStatus): string {
  if (!model.present) return 'not installed';
  if (model.missingFiles.length > 0) return `incomplete (missing ${model.missingFiles.join(', ')})`;
  switch (model.integrity) {
    case 'verified':
      return 'installed, verified';
    case 'unverified':
      return 'installed, unverified';
    case 'corrupt':
      return `CORRUPT (${model.files
        .filter((f) => f.state === 'corrupt')
        .map((f) => f.path)
        .join(', ')})`;
  }
}

function origin(model: ModelStatus): string {
  const installed = model.installed;
  if (!installed) return model.present ? 'copied by hand' : '';
  const at = installed.installedAt.slice(0, 10);
  return installed.source === 'fetch'
    ? `fetched ${installed.revision ?? ''}${installed.commit ? ` @${installed.commit.slice(0, 8)}` : ''} ${at}`
    : `imported ${at}`;
}

export function formatModelList(models: readonly ModelStatus[], modelsDir: string): string {
  const rows = models.map((m) => [
    m.id,
    m.role ?? '-',
    modelState(m),
    m.present ? formatBytes(m.sizeBytes) : '',
    origin(m),
  ]);
  const header = ['model', 'role', 'state', 'size', 'source'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [`Models in ${modelsDir}`, '', line(header), ...rows.map(line), ''].join('\n');
}
