import { singleton } from '#lib/singleton.server.ts'
import { createDb } from './connect.ts'

export type { Db } from './connect.ts'

function databaseUrl() {
	const url = process.env.DATABASE_URL
	if (!url)
		throw new Error('DATABASE_URL is not set; start the app with `npm start`.')
	return url
}

/** The app's one connection pool; DATABASE_URL is set by server.ts (or the tests) before this loads. */
export const db = singleton('db', () => createDb(databaseUrl()))
