// `npm run db:restore FILE`: brings a backup of `npm run db:backup` back into an empty database.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { restoreDatabase } from './backup.server.ts'
import { resolveDatabase } from './embedded.server.ts'

const file = process.argv[2]
try {
	if (!file || !existsSync(file))
		throw new Error('give the backup file: npm run db:restore FILE')
	const dataDir = path.resolve(process.env.DATA_DIR ?? 'data')
	if (
		!process.env.DATABASE_URL &&
		existsSync(dataDir) &&
		readdirSync(dataDir).some(name => name !== 'port')
	)
		throw new Error(
			`${dataDir} is not empty: stop the app and move that folder away (or set DATA_DIR to a new one) first`,
		)
	const { url, stop } = await resolveDatabase()
	try {
		await restoreDatabase(url, path.resolve(file))
	} finally {
		await stop()
	}
	console.log(`Đã khôi phục ${file}`)
} catch (error) {
	console.error(`Không khôi phục được: ${error instanceof Error ? error.message : String(error)}`)
	process.exitCode = 1
}
