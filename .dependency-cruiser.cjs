/**
 * The layers, bottom to top (see README, Architecture):
 *   lib/  <  db/, emails/  <  workflows/  <  seed/, app/
 * A folder imports only folders below it. Since every upward import is forbidden, no cycle
 * between these folders can form. Run: npm run depcheck.
 */
const layer = (name, comment, from, to) => ({
	name,
	comment,
	severity: 'error',
	from: { path: from },
	to: { path: to },
})

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		layer(
			'lib-imports-nothing-of-the-app',
			'lib/ holds pure helpers for every layer: it imports only packages and lib/.',
			'^lib/',
			'^(app|db|workflows|emails|seed)/',
		),
		layer(
			'db-is-data-only',
			'db/ (schema, migrations, repos, connection) imports only lib/.',
			'^db/',
			'^(app|workflows|emails|seed)/',
		),
		layer(
			'emails-are-templates',
			'emails/ (react-email templates) imports only lib/.',
			'^emails/',
			'^(app|db|workflows|seed)/',
		),
		layer(
			'domain-never-imports-pages',
			'workflows/ (the domain) imports db/, lib/ and emails/, never app/ or seed/.',
			'^workflows/',
			'^(app|seed)/',
		),
		layer(
			'domain-is-not-web',
			'workflows/ never sees a Request, a Response, a cookie or a React component: no Remix, no React (pages turn its outcomes into responses: app/utils/domain.server.ts).',
			'^workflows/',
			'^node_modules/(@remix-run|react|react-dom)/',
		),
		layer(
			'seed-is-not-a-page',
			'seed/ runs the domain to load demo data; it imports no page code.',
			'^seed/',
			'^app/',
		),
		layer(
			'pages-do-not-seed',
			'app/ never imports seed/ (server.ts does).',
			'^app/',
			'^seed/',
		),
		layer(
			'components-never-read-data',
			'app/components/ are UI only: they take data as props and never import db/.',
			'^app/components/',
			'^db/',
		),
		{
			name: 'imports-resolve',
			comment:
				'Every import of the app resolves to a file, so an alias the check cannot follow fails it rather than hiding an import.',
			severity: 'error',
			from: { path: '^(lib|db|workflows|emails|seed|app)/' },
			to: { couldNotResolve: true },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)(node_modules|build|public)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default'],
			extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
		},
	},
}
