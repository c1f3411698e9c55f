/**
 * A published JSON Schema (draft 2020-12) of one of basket's files or outputs:
 * zod's generated schema under basket's `$id`, a title and a description, in
 * that order (schema/*.schema.json, written by `npm run schemas`).
 */

export interface Published {
  /** `claims` → `urn:basket:schema:claims`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export function publishedSchema(generated: object, about: Published): object {
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: `urn:basket:schema:${about.id}`, title: about.title, description: about.description, ...rest };
}
