import { useFetcher } from '@remix-run/react'
import { useId, useRef, useState } from 'react'
import { type PassportType } from '#lib/enums.ts'
import { useT } from '#app/utils/i18n.tsx'

export interface PickedPerson {
	id: string
	full_name: string
	position: string
	unit: string
	passport_kind: PassportType | null
}

/**
 * Finds people of the organisation's directory (/people/pick) and adds the chosen one as a
 * member row. Its search box has no name, so the plan form never sends it; Enter searches.
 */
export function DirectoryPicker({
	onPick,
}: {
	onPick: (person: PickedPerson) => void
}) {
	const t = useT()
	const id = useId()
	const fetcher = useFetcher<{ people: PickedPerson[] }>()
	const input = useRef<HTMLInputElement>(null)
	const [added, setAdded] = useState<string | null>(null)
	const search = () => {
		const q = input.current?.value.trim() ?? ''
		setAdded(null)
		if (q) fetcher.load(`/people/pick?q=${encodeURIComponent(q)}`)
	}
	const people = fetcher.data?.people
	return (
		<div className="field">
			<label htmlFor={id}>{t('person.pick.title')}</label>
			<div className="inline-row">
				<input
					id={id}
					ref={input}
					type="search"
					placeholder={t('common.searchPlaceholder')}
					aria-label={t('person.pick.query')}
					onKeyDown={event => {
						if (event.key !== 'Enter') return
						event.preventDefault()
						search()
					}}
				/>
				<button type="button" className="secondary" onClick={search}>
					{t('person.pick.search')}
				</button>
			</div>
			{people ? (
				people.length ? (
					<ul className="pick-results">
						{people.map(p => (
							<li key={p.id}>
								<button
									type="button"
									className="secondary"
									onClick={() => {
										onPick(p)
										setAdded(p.full_name)
									}}
								>
									{t('person.pick.add', { name: p.full_name })}
								</button>{' '}
								<span className="muted">
									{[p.position, p.unit].filter(Boolean).join(', ')}
								</span>
							</li>
						))}
					</ul>
				) : (
					<p className="muted">{t('person.pick.none')}</p>
				)
			) : null}
			{added ? (
				<p role="status" className="muted">
					{t('person.pick.added', { name: added })}
				</p>
			) : null}
		</div>
	)
}
