/**
 * Whether a team-learning export may be written where it is asked to go, under the settings as
 * policy leaves them (`learning.allowExport`, `learning.exportFolder`; policies LearningExport
 * and LearningExportFolder). The learning service asks this before `inloop learn export` writes
 * anything. Pure.
 */
import { posix, win32 } from 'node:path';
import type { Settings } from '../../../shared/schemas/settings';

/** Why `out` may not receive an export, or null when it may. */
export function learningExportRefusal(
  learning: Pick<Settings['learning'], 'allowExport' | 'exportFolder'>,
  out: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (!learning.allowExport) {
    return 'learning exports are off on this device (setting learning.allowExport, policy LearningExport)';
  }
  if (learning.exportFolder === '') return null;
  const path = platform === 'win32' ? win32 : posix;
  const folder = path.resolve(learning.exportFolder);
  const relative = path.relative(folder, path.resolve(out));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside
    ? null
    : `learning exports go to ${folder} only (policy LearningExportFolder); ${out} is outside it`;
}
