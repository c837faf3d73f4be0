import { type Db } from '../client.server.ts'
import { type AnswerKind } from '../schema.ts'

export interface WrittenAnswerInput {
	kind: AnswerKind
	number: string
	/** 'YYYY-MM-DD' */
	issued_on: string
	signer: string
	file: { file_name: string; size: number; sha256: string; data: Uint8Array }
}

export async function insertWrittenAnswer(
	db: Db,
	values: {
		plan_id: string
		plan_event_id: string
		organisation_id: string
		created_by: string
		answer: WrittenAnswerInput
	},
) {
	const { answer, ...rest } = values
	const { file, ...fields } = answer
	return db
		.insertInto('written_answer')
		.values({ ...rest, ...fields, ...file })
		.returning('id')
		.executeTakeFirstOrThrow()
}

export async function getWrittenAnswerFile(
	db: Db,
	planId: string,
	answerId: string,
) {
	return db
		.selectFrom('written_answer')
		.select(['file_name', 'data', 'size'])
		.where('plan_id', '=', planId)
		.where('id', '=', answerId)
		.executeTakeFirst()
}
