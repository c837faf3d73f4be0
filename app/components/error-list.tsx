import { useT } from '#app/utils/i18n.tsx'
import { splitErrorParams } from '#lib/form-errors.ts'

export function ErrorList({
	id,
	errors,
}: {
	id?: string
	errors?: string[] | null
}) {
	const t = useT()
	if (!errors?.length) return null
	return (
		// role="alert" on the <ul> itself would hide its items' list semantics (axe: a list may hold only <li>).
		<div id={id} role="alert">
			<ul className="field-errors">
				{errors.map(error => (
					<li key={error}>{t(...splitErrorParams(error))}</li>
				))}
			</ul>
		</div>
	)
}
