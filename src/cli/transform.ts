// `jiezhi transform --from EPSG:<code> --to EPSG:<code>`: stdin lines in, converted pairs out. The conversion
// itself is transformLine in src/core (shared with the browser); this module only handles text, streams and exit codes.
import { parseCrs } from '../core/geodesy/crs.js';
import { transformLine } from '../core/geodesy/project.js';

/** Converts every line; a bad line becomes an error naming its 1-based line number. Never throws. */
export function transformText(input: string, from: number, to: number): { output: string; errors: string[] } {
  let output = '';
  const errors: string[] = [];
  input.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const result = transformLine(line, from, to);
    if (result === null) return;
    if ('error' in result) errors.push(`line ${i + 1}: ${result.error}`);
    else output += `${result.text}\n`;
  });
  return { output, errors };
}

/** Reads stdin, writes stdout/stderr; resolves to the exit code (0 ok, 1 some lines failed, 2 bad --from/--to). */
export async function runTransform(options: { from: string; to: string }): Promise<number> {
  let from: number;
  let to: number;
  try {
    from = parseCrs(options.from);
    to = parseCrs(options.to);
  } catch (err) {
    process.stderr.write(`jiezhi transform: ${(err as Error).message}\n`);
    return 2;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { output, errors } = transformText(Buffer.concat(chunks).toString('utf8'), from, to);
  process.stdout.write(output);
  for (const e of errors) process.stderr.write(`jiezhi transform: ${e}\n`);
  return errors.length > 0 ? 1 : 0;
}
