/**
 * Progress of a fleet read on stderr (stdout carries only results): a counter rewritten in place when stderr is
 * a terminal, a few plain lines otherwise (CI logs): one per tenant and one per tenth of its subscriptions.
 */
export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

export class Progress {
  private total = 0;
  private done = 0;
  private clusters = 0;
  private tenantName = '';
  private nextMark = 0;

  constructor(
    private readonly sink: ProgressSink,
    private readonly enabled = true,
  ) {}

  tenant(name: string, subscriptions: number): void {
    this.tenantName = name;
    this.total = subscriptions;
    this.done = 0;
    this.nextMark = Math.max(1, Math.ceil(subscriptions / 10));
    if (!this.enabled) return;
    if (this.sink.isTTY) this.draw();
    else this.sink.write(`ca-trust: tenant ${name}: reading ${subscriptions} subscription(s)\n`);
  }

  subscriptionDone(clusters: number): void {
    this.done++;
    this.clusters += clusters;
    if (!this.enabled) return;
    if (this.sink.isTTY) this.draw();
    else if (this.done >= this.nextMark || this.done === this.total) {
      this.sink.write(`ca-trust: ${this.done}/${this.total} subscriptions read, ${this.clusters} clusters so far\n`);
      this.nextMark = this.done + Math.max(1, Math.ceil(this.total / 10));
    }
  }

  /** A line that must not be overwritten (a failure). */
  note(line: string): void {
    if (this.sink.isTTY && this.enabled) this.sink.write('\r\x1b[2K');
    this.sink.write(`ca-trust: ${line}\n`);
    if (this.sink.isTTY && this.enabled) this.draw();
  }

  finish(): void {
    if (this.enabled && this.sink.isTTY) this.sink.write('\r\x1b[2K');
  }

  private draw(): void {
    const width = 20;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    this.sink.write(
      `\r\x1b[2K${this.tenantName} [${bar}] ${this.done}/${this.total} subscriptions, ${this.clusters} clusters`,
    );
  }
}
