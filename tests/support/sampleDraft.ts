import { readFileSync } from 'node:fs';
import { draftAnswerSchema } from '../../shared/api/drafts.ts';
import type { TestServer } from './testServer.ts';

const SAMPLE_PATH = new URL('../../../shared/samples/talks-draft.md', import.meta.url);

/** Imports the talks sample through the API as the editor; resolves to the new draft's id. */
export async function importSampleDraft(server: TestServer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(SAMPLE_PATH)], { type: 'text/markdown' }), 'talks-draft.md');
  const imported = await fetch(`${server.url}/api/docs/import`, { method: 'POST', headers: await server.authHeaders('editor'), body: form });
  if (imported.status !== 201) throw new Error(`importing the sample answered ${imported.status}: ${await imported.text()}`);
  return draftAnswerSchema.parse(await imported.json()).draft.id;
}
