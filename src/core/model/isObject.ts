// Parsed JSON and messages arrive untyped; this is the one test that a value is a plain object to read fields of.
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
