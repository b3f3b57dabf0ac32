import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDownloadLine,
} from '../../../../electron/services/models/download-progress';

describe('the fetch progress line', () => {
  it('shows the file, a bar, the percentage and the sizes', () => {
    const line = formatDownloadLine({
      file: 'onnx/model_quantized.onnx',
      index: 3,
      count: 4,
      bytes: 11_486_185,
      total: 22_972_370,
    });
    expect(line).toBe(
      '[4/4] onnx/model_quantized.onnx [############------------]  50%  11.5 MB / 23.0 MB',
    );
  });

  it('shows only the bytes when the hub sends no size', () => {
    expect(
      formatDownloadLine({ file: 'config.json', index: 0, count: 4, bytes: 650, total: null }),
    ).toBe('[1/4] config.json  650 B');
  });

  it('writes sizes the way people read them', () => {
    expect([formatBytes(999), formatBytes(4_200), formatBytes(1_500_000_000)]).toEqual([
      '999 B',
      '4.2 kB',
      '1.50 GB',
    ]);
  });
});
