/** Characters kept from the start and from the end of a trainer's stderr. */
export const LOG_HEAD_CHARS = 4096;
export const LOG_TAIL_CHARS = 12_288;

/**
 * A trainer's stderr as a trial stores it: the first and last few kilobytes (the start-up and
 * the error that ended it are what a reader needs), with how much was left out in between.
 */
export class CappedLog {
  private head = '';
  private tail = '';
  private chars = 0;
  bytes = 0;

  append(chunk: Buffer | string): void {
    const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    this.chars += s.length;
    if (this.head.length < LOG_HEAD_CHARS) {
      const take = s.slice(0, LOG_HEAD_CHARS - this.head.length);
      this.head += take;
      this.tail = (this.tail + s.slice(take.length)).slice(-LOG_TAIL_CHARS);
    } else {
      this.tail = (this.tail + s).slice(-LOG_TAIL_CHARS);
    }
  }

  get truncated(): boolean {
    return this.chars > this.head.length + this.tail.length;
  }

  /** The kept text, with a marker where the middle was dropped. */
  text(): string {
    if (!this.truncated) return this.head + this.tail;
    const dropped = this.chars - this.head.length - this.tail.length;
    return `${this.head}\n[… ${dropped} characters of the trainer's stderr left out …]\n${this.tail}`;
  }

  /** The last `n` characters (for an error's detail). */
  lastChars(n: number): string {
    const all = this.truncated ? this.tail : this.head + this.tail;
    return all.slice(-n);
  }
}
