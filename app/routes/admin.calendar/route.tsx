import {
	type ActionFunctionArgs,
	json,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field } from '#app/components/forms.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { useT } from '#app/utils/i18n.tsx'
import { pageTitle } from '#app/utils/meta.ts'
import { web } from '#app/utils/domain.server.ts'
import { forbidden, notFound } from '#workflows/access/errors.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { db } from '#db/client.server.ts'
import { formatIsoDate, parseDate } from '#lib/format.ts'
import { todayIso } from '#lib/trip-dates.ts'
import { DECLARED_KINDS, type DeclaredKind } from '#lib/working-days.ts'
import {
	declareDay,
	mayEditCalendar,
	readCalendarYear,
	removeDeclaredDay,
} from '#workflows/calendar/calendar.server.ts'
import { MonthGrid } from './month-grid.tsx'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageTitle(matches, t => [t('calendar.title', { year: data?.year ?? '' })])

function yearOf(request: Request) {
	const text = new URL(request.url).searchParams.get('year')
	const year = Number(text ?? todayIso().slice(0, 4))
	if (!Number.isInteger(year) || year < 1900 || year > 2199) throw notFound()
	return year
}

async function calendarLoader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const calendar = await readCalendarYear(db, yearOf(request))
	return json({ ...calendar, canEdit: mayEditCalendar(user) })
}

async function calendarAction({ request }: ActionFunctionArgs) {
	const user = await requireUser(request)
	if (!mayEditCalendar(user)) throw forbidden()
	const year = yearOf(request)
	const back = `/admin/calendar?year=${year}`
	const form = await request.formData()
	const text = (key: string) => String(form.get(key) ?? '').trim()
	if (text('intent') === 'remove') {
		const day = parseDate(text('day'))
		const version = Number(text('version'))
		// Anything but a positive int4 cannot be a version the page showed.
		const result =
			day && Number.isInteger(version) && version > 0 && version < 2 ** 31
				? await removeDeclaredDay(db, user, day, version)
				: ({
						ok: false,
						field: 'form',
						error: 'calendar.errors.stale',
					} as const)
		if (result === 'forbidden') throw forbidden()
		if (result.ok)
			return redirectWithToast(back, {
				type: 'success',
				message: 'calendar.removed',
				params: { day: formatIsoDate(day) },
			})
		return json(
			{ values: null, errors: { form: [result.error] } as Errors },
			{ status: 409 },
		)
	}
	const values = { day: text('day'), kind: text('kind'), note: text('note') }
	const errors: Errors = {}
	const parsed = parseDate(values.day)
	const day = parsed && parsed >= '1900' && parsed < '2200' ? parsed : null
	if (!day) errors.day = ['calendar.errors.date']
	const kind = DECLARED_KINDS.find(k => k === values.kind)
	if (!kind) errors.kind = ['calendar.errors.kind']
	if (!values.note || values.note.length > 200)
		errors.note = ['calendar.errors.note']
	if (day && kind && !Object.keys(errors).length) {
		const result = await declareDay(db, user, {
			day,
			kind: kind as DeclaredKind,
			note: values.note,
		})
		if (result === 'forbidden') throw forbidden()
		if (result.ok)
			return redirectWithToast(`/admin/calendar?year=${day.slice(0, 4)}`, {
				type: 'success',
				message: 'calendar.saved',
				params: { day: formatIsoDate(day) },
			})
		errors[result.field] = [result.error]
	}
	return json({ values, errors }, { status: 400 })
}

type Errors = Partial<Record<'day' | 'kind' | 'note' | 'form', string[]>>

export const loader =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(calendarLoader)
export const action =
	/* @__PURE__ -- a server export, dropped from the browser bundle */ web(calendarAction)

export default function CalendarRoute() {
	const { year, holidays, declared, canEdit } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const t = useT()
	const errors: Errors = result?.errors ?? {}
	const values = result?.values
	const holidayNames = new Map(
		holidays.map(h => [h.date, t(`calendar.holiday.${h.name}`)]),
	)
	const declaredKinds = new Map(declared.map(d => [d.day, d.kind]))
	type Row = {
		day: string
		label: string
		declared?: (typeof declared)[number]
	}
	const rows: Row[] = [
		...holidays
			.filter(h => !declaredKinds.has(h.date))
			.map(h => ({ day: h.date, label: t(`calendar.holiday.${h.name}`) })),
		...declared.map(d => ({
			day: d.day,
			label: `${t(`calendar.kind.${d.kind}`)}: ${d.note}`,
			declared: d,
		})),
	].sort((a, b) => a.day.localeCompare(b.day))
	return (
		<>
			<h1>{t('calendar.title', { year })}</h1>
			<p>{t('calendar.intro')}</p>
			<p className="actions">
				<Link to={`?year=${year - 1}`}>
					{t('calendar.prevYear', { year: year - 1 })}
				</Link>
				<Link to={`?year=${year + 1}`}>
					{t('calendar.nextYear', { year: year + 1 })}
				</Link>
			</p>
			<p>
				<span className="month">
					<span className="off">{t('calendar.legendOff')}</span>{' '}
					<span className="declared-off">
						{t('calendar.legendDeclaredOff')}
					</span>{' '}
					<span className="make-up">{t('calendar.legendWorking')}</span>
				</span>
			</p>
			<div className="months">
				{Array.from({ length: 12 }, (_, i) => (
					<MonthGrid
						key={i}
						year={year}
						month={i + 1}
						holidayNames={holidayNames}
						declared={declaredKinds}
					/>
				))}
			</div>
			<section className="panel">
				<h2>{t('calendar.holidays')}</h2>
				{errors.form ? (
					<p className="error" role="alert">
						{t(errors.form[0])}
					</p>
				) : null}
				<ul>
					{rows.map(row => (
						<li key={row.day}>
							{formatIsoDate(row.day)}: {row.label}
							{row.declared ? (
								<>
									{' '}
									(
									{t('calendar.declaredBy', {
										name: row.declared.declared_by_name,
									})}
									)
									{canEdit ? (
										<Form method="post" style={{ display: 'inline' }}>
											<input type="hidden" name="intent" value="remove" />
											<input type="hidden" name="day" value={row.day} />
											<input
												type="hidden"
												name="version"
												value={row.declared.version}
											/>
											<button type="submit">{t('calendar.remove')}</button>
										</Form>
									) : null}
								</>
							) : null}
						</li>
					))}
				</ul>
			</section>
			{canEdit ? (
				<Form method="post" className="panel" noValidate>
					<h2>{t('calendar.declare')}</h2>
					<input type="hidden" name="intent" value="declare" />
					<div className="grid-2">
						<Field label={t('calendar.day')} errors={errors.day}>
							{props => (
								<input
									{...props}
									name="day"
									placeholder="dd/mm/yyyy"
									inputMode="numeric"
									defaultValue={values?.day ?? ''}
								/>
							)}
						</Field>
						<Field label={t('calendar.kind')} errors={errors.kind}>
							{props => (
								<select
									{...props}
									name="kind"
									defaultValue={values?.kind ?? 'off'}
								>
									{DECLARED_KINDS.map(kind => (
										<option key={kind} value={kind}>
											{t(`calendar.kind.${kind}`)}
										</option>
									))}
								</select>
							)}
						</Field>
						<Field label={t('calendar.note')} errors={errors.note}>
							{props => (
								<input
									{...props}
									name="note"
									maxLength={200}
									defaultValue={values?.note ?? ''}
								/>
							)}
						</Field>
					</div>
					<div className="actions">
						<button type="submit">{t('common.save')}</button>
					</div>
				</Form>
			) : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
