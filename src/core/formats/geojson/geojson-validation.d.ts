// geojson-validation ships no types; only the entry point Jiezhi calls is declared.
declare module 'geojson-validation' {
  /** With trace, the list of problems found (empty when the object is valid GeoJSON). */
  function valid(value: unknown, trace: true): string[];
  const geojsonValidation: { valid: typeof valid };
  export default geojsonValidation;
}
