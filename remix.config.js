/** @type {import('@remix-run/dev').AppConfig} */
export default {
	ignoredRouteFiles: ['**/.*', '**/__*.*', '**/*.test.*'],
	serverModuleFormat: 'esm',
	watchPaths: ['./db', './workflows', './emails'],
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
	},
}
