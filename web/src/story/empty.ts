// Whether a field's value holds anything: the server drops empty fields, and so do the form and the story page.
export function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && Object.values(value as Record<string, unknown>).every(isEmpty))
  );
}
