/**
 * The recent audio of one speaker, addressed by absolute sample offsets from the start of
 * the capture, so utterance boundaries from the VAD can be cut out of it after the fact.
 */
export class AudioHistory {
  private chunks: Float32Array[] = [];
  /** Absolute offset of the first sample held. */
  private first = 0;
  private held = 0;

  /** Offset one past the last sample appended. */
  get end(): number {
    return this.first + this.held;
  }

  append(samples: Float32Array): void {
    if (samples.length === 0) return;
    this.chunks.push(samples);
    this.held += samples.length;
  }

  /** A copy of samples [start, end), clipped to what is held. */
  slice(start: number, end: number): Float32Array {
    const from = Math.max(start, this.first);
    const to = Math.min(end, this.end);
    const out = new Float32Array(Math.max(0, to - from));
    let offset = this.first;
    for (const chunk of this.chunks) {
      const chunkEnd = offset + chunk.length;
      if (chunkEnd > from && offset < to) {
        const a = Math.max(from, offset) - offset;
        const b = Math.min(to, chunkEnd) - offset;
        out.set(chunk.subarray(a, b), offset + a - from);
      }
      offset = chunkEnd;
    }
    return out;
  }

  /** Forget whole chunks that end before `offset`. */
  trimBefore(offset: number): void {
    while (this.chunks.length > 0 && this.first + this.chunks[0]!.length <= offset) {
      const dropped = this.chunks.shift()!;
      this.first += dropped.length;
      this.held -= dropped.length;
    }
  }
}
