/** Where a learning export may go under the settings and policy (for `inloop learn export`). */
import { describe, expect, it } from 'vitest';
import { learningExportRefusal } from '../../../../electron/services/learning/export-rule';

describe('a learning export', () => {
  it('is refused while exports are off', () => {
    expect(learningExportRefusal({ allowExport: false, exportFolder: '' }, '/tmp/b.jsonl')).toMatch(
      /learning exports are off on this device/,
    );
  });

  it('goes anywhere without a folder, and only inside the folder with one', () => {
    const open = { allowExport: true, exportFolder: '' };
    expect(learningExportRefusal(open, '/home/lead/bundle.jsonl')).toBeNull();
    const share = { allowExport: true, exportFolder: '/srv/learning' };
    expect(learningExportRefusal(share, '/srv/learning/team-a/bundle.jsonl', 'linux')).toBeNull();
    expect(learningExportRefusal(share, '/srv/learning-other/bundle.jsonl', 'linux')).toBe(
      'learning exports go to /srv/learning only (policy LearningExportFolder); /srv/learning-other/bundle.jsonl is outside it',
    );
    expect(learningExportRefusal(share, '/srv/learning/../secret.jsonl', 'linux')).toMatch(
      /outside/,
    );
  });

  it('understands a Windows share', () => {
    const share = { allowExport: true, exportFolder: '\\\\fileserver\\inloop-learning' };
    expect(
      learningExportRefusal(share, '\\\\fileserver\\inloop-learning\\agent7.jsonl', 'win32'),
    ).toBeNull();
    expect(learningExportRefusal(share, 'C:\\Users\\a\\b.jsonl', 'win32')).toMatch(/outside/);
  });
});
