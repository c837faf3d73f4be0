/** @type {import('@remix-run/dev').AppConfig} */
export default {
	ignoredRouteFiles: ['**/.*', '**/__*.*', '**/*.test.*'],
	serverModuleFormat: 'esm',
	watchPaths: ['./lib', './db', './workflows', './emails', './seed'],
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
	},
}
