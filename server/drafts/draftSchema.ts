import { getSchema } from '@tiptap/core';
import type { NodeType } from '@tiptap/pm/model';
import { draftSchemaExtensions } from '../../shared/schema/extensions.ts';

/**
 * The draft schema, built once per process. ProseMirror compares node types by
 * identity, so every step of an import (parse options, content matches, checks)
 * must use this one instance rather than a fresh `getSchema()` of its own.
 */
export const DRAFT_EXTENSIONS = draftSchemaExtensions();
export const DRAFT_SCHEMA = getSchema(DRAFT_EXTENSIONS);

/** A node type of the draft schema; throws if the schema lost it, which is a bug. */
export function draftNodeType(name: string): NodeType {
  const type = DRAFT_SCHEMA.nodes[name];
  if (!type) throw new Error(`the draft schema has no "${name}" node`);
  return type;
}
