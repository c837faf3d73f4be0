import { type ExpressionBuilder } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { type Db } from '../client.server.ts'
import { type AnswerKind, type DB } from '../schema.ts'

/** The written answers of a plan's approvals, in the order they were given (for citing them). */
export function approvalAnswers(eb: ExpressionBuilder<DB, 'plan'>) {
	return jsonArrayFrom(
		eb
			.selectFrom('written_answer as a')
			.innerJoin('plan_event as e', 'e.id', 'a.plan_event_id')
			.innerJoin('organisation as o', 'o.id', 'a.organisation_id')
			.select([
				'a.kind',
				'a.number',
				'a.issued_on',
				'a.signer',
				'o.name_vi as organisation_name',
			])
			.whereRef('a.plan_id', '=', 'plan.id')
			.where('e.event', '=', 'APPROVE')
			.orderBy('e.created_at')
			.orderBy('a.id'),
	)
}

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
