// `npm run db:seed`: migrates, loads the demo data into an empty database, prints the logins.
// Its own file: seed.ts and start-up.server.ts import each other, and a top-level await in
// that cycle never settles.
import { demoLoginsText } from './seed.ts'

const { withDatabase } = await import('#db/embedded.server.ts')
const { prepareDatabase } = await import('./start-up.server.ts')
await withDatabase(async (_db, url) => {
	const { seeded } = await prepareDatabase(url)
	console.log(
		seeded
			? 'Đã nạp dữ liệu demo.'
			: 'Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu demo.',
	)
	console.log(demoLoginsText())
})
