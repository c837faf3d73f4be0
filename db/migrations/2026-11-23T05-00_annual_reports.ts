import { type Kysely } from 'kysely'

// Frozen in time: never import app code here.
export async function up(_db: Kysely<any>) {}

export async function down(_db: Kysely<any>) {}
