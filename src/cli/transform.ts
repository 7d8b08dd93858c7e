// `jiezhi transform --from EPSG:<code> --to EPSG:<code>`: stdin lines in, converted pairs out. The conversion
// itself is transformLine in src/core (shared with the browser); this module only handles text, streams and exit codes.
// Like cs2cs, output line N answers input line N, so the output can be pasted beside the input: a line that
// cannot be converted prints `* *` (its reason goes to stderr), blank and # comment lines are echoed.
import { parseCrs } from '../core/geodesy/crs.js';
import { transformLine } from '../core/geodesy/project.js';

/** A coordinate line is under 100 characters; a longer one is not a pair, and holding it would let one line fill memory. */
const MAX_LINE = 4096;

/** Splits text that arrives in pieces into lines and converts each, keeping only the unfinished last line. */
export class LineTransformer {
  private pending = '';
  private overlong = false;
  private lineNumber = 0;
  private started = false;
  /** Lines that could not be converted, so far. */
  failed = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Converts the complete lines of `text` (plus what was pending); the output has one line per input line. */
  push(text: string): { output: string; errors: string[] } {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let output = '';
    const errors: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      output += this.convert(this.take(text.slice(start, nl)), errors);
      start = nl + 1;
    }
    this.keep(text.slice(start));
    return { output, errors };
  }

  /** Converts a last line that has no newline. */
  end(): { output: string; errors: string[] } {
    const errors: string[] = [];
    const output = this.pending === '' && !this.overlong ? '' : this.convert(this.take(''), errors);
    return { output, errors };
  }

  private keep(rest: string): void {
    if (this.overlong) return;
    this.pending += rest;
    if (this.pending.length > MAX_LINE) {
      this.overlong = true;
      this.pending = '';
    }
  }

  private take(tail: string): string | null {
    this.keep(tail);
    const line = this.overlong ? null : this.pending;
    this.pending = '';
    this.overlong = false;
    return line;
  }

  private convert(raw: string | null, errors: string[]): string {
    this.lineNumber++;
    if (raw === null) return this.fail(`the line is longer than ${MAX_LINE} characters`, errors);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const result = transformLine(line, this.from, this.to);
    if (result === null) return line.trim() === '' ? '\n' : `${line}\n`;
    if ('error' in result) return this.fail(result.error, errors);
    return `${result.text}\n`;
  }

  private fail(reason: string, errors: string[]): string {
    this.failed++;
    errors.push(`line ${this.lineNumber}: ${reason}`);
    return '* *\n';
  }
}

/** Converts a whole text at once (one output line per input line); bad lines are `* *` with an error naming the line. */
export function transformText(input: string, from: number, to: number): { output: string; errors: string[] } {
  const t = new LineTransformer(from, to);
  const a = t.push(input);
  const b = t.end();
  return { output: a.output + b.output, errors: [...a.errors, ...b.errors] };
}

/** Resolves once `text` is handed to the stream and, when its buffer is full, once it has drained. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (text === '' || stream.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

/**
 * Streams stdin to stdout with bounded memory; resolves to the exit code: 0 done, 1 with --strict when a line
 * failed, 2 for a bad --from/--to or when stdin cannot be read or stdout written.
 */
export async function runTransform(options: { from: string; to: string; strict?: boolean }): Promise<number> {
  let from: number;
  let to: number;
  try {
    from = parseCrs(options.from);
    to = parseCrs(options.to);
  } catch (err) {
    process.stderr.write(`jiezhi transform: ${(err as Error).message}\n`);
    return 2;
  }
  const t = new LineTransformer(from, to);
  const decoder = new TextDecoder('utf-8');
  // stdout errors (EPIPE, ENOSPC) are handled once for every command, in bin/jiezhi.js.
  const emit = async ({ output, errors }: { output: string; errors: string[] }) => {
    await write(process.stdout, output);
    if (errors.length > 0) await write(process.stderr, errors.map((e) => `jiezhi transform: ${e}\n`).join(''));
  };
  try {
    for await (const chunk of process.stdin) await emit(t.push(decoder.decode(chunk as Buffer, { stream: true })));
  } catch (err) {
    process.stderr.write(`jiezhi transform: stdin cannot be read: ${(err as Error).message}\n`);
    return 2;
  }
  await emit(t.push(decoder.decode()));
  await emit(t.end());
  return options.strict && t.failed > 0 ? 1 : 0;
}
