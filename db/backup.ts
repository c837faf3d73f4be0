// `npm run db:backup [FILE]`: a consistent copy of the database, taken while the app serves.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { databaseAnswers } from './availability.ts'
import { backupDatabase } from './backup.server.ts'
import { resolveDatabase } from './embedded.server.ts'

const file = path.resolve(
	process.argv[2] ??
		`backup-${new Date().toISOString().slice(0, 16).replace(/:/g, '-')}.gz`,
)

/** DATABASE_URL, else the embedded server that `npm start` runs from DATA_DIR (started here if it is not running). */
async function database() {
	const portFile = path.resolve(process.env.DATA_DIR ?? 'data', 'port')
	if (!process.env.DATABASE_URL && existsSync(portFile)) {
		const url = `postgres://postgres:postgres@127.0.0.1:${readFileSync(portFile, 'utf8').trim()}/app`
		if (await databaseAnswers(url)) return { url, stop: async () => {} }
	}
	return resolveDatabase()
}

try {
	const { url, stop } = await database()
	try {
		const counts = await backupDatabase(url, file)
		const rows = Object.values(counts).reduce((a, b) => a + b, 0)
		console.log(
			`Đã sao lưu ${Object.keys(counts).length} bảng (${rows} dòng) vào ${file}`,
		)
	} finally {
		await stop()
	}
} catch (error) {
	console.error(`Không sao lưu được: ${error instanceof Error ? error.message : String(error)}`)
	process.exitCode = 1
}
