export const partnersVi = {
	'nav.partners': 'Đối tác',
} as const
