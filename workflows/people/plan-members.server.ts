import { type Db } from '#db/client.server.ts'
import {
	insertPeople,
	peopleOfOrganisation,
} from '#db/repos/person.server.ts'
import {
	type PlanDraft,
	type PlanForm,
} from '#workflows/plans/plan-schema.ts'

/** Field errors for members linked to someone who is not a person of the organisation (one query). */
export async function foreignMemberErrors(
	db: Db,
	organisationId: string,
	members: PlanForm['members'],
) {
	const ids = [
		...new Set((members ?? []).flatMap(m => (m.person_id ? [m.person_id] : []))),
	]
	const known = await peopleOfOrganisation(db, organisationId, ids)
	const errors: Record<string, string[]> = {}
	;(members ?? []).forEach((m, i) => {
		if (m.person_id && !known.has(m.person_id))
			errors[`members[${i}].full_name`] = ['person.notInDirectory']
	})
	return errors
}

/** Members typed by hand and ticked "add to the directory" become people, and the rows link to them. */
export async function addTypedMembersToDirectory(
	db: Db,
	organisationId: string,
	userId: string,
	draft: PlanDraft,
): Promise<PlanDraft> {
	const members = draft.members ?? []
	const toAdd = members.filter(m => m.add_to_directory && !m.person_id)
	if (!toAdd.length) return draft
	const ids = await insertPeople(
		db,
		organisationId,
		userId,
		toAdd.map(m => ({
			full_name: m.full_name,
			position: m.title ?? '',
			unit: m.organisation_name ?? '',
			born_on: null,
		})),
	)
	let next = 0
	return {
		...draft,
		members: members.map(m =>
			m.add_to_directory && !m.person_id
				? { ...m, person_id: ids[next++], add_to_directory: undefined }
				: m,
		),
	}
}
