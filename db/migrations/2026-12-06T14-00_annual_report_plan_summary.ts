import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// The sentence counting next year's delegations is now written from the tables' rows when the
// report is built; drop the copy that older reports stored when they were created.
export async function up(db: Kysely<any>) {
	await sql`
		UPDATE annual_report
		SET plan_intro = btrim(regexp_replace(
			plan_intro,
			'(^|\n)Năm [0-9]{4}, [^\n]*(dự kiến [^\n]*cụ thể như sau:|không có kế hoạch tổ chức Đoàn ra và đón Đoàn vào\.)[[:space:]]*$',
			''
		), E' \n')
	`.execute(db)
}

export async function down() {}
