import { peopleAnswerSchema, type DirectoryPerson } from '../../shared/api/people.ts';
import { requestJson } from './request.ts';

/** The desk's directory: every account that is not disabled, by name. */
export async function listPeople(signal?: AbortSignal): Promise<DirectoryPerson[]> {
  const answer = await requestJson('/api/people', peopleAnswerSchema, { signal });
  return answer.people;
}
