import { type calendarVi } from './calendar-vi.ts'

export const calendarEn: Record<keyof typeof calendarVi, string> = {
	'audit.action.calendar.declared': 'Day declared (off / make-up)',
	'audit.action.calendar.removed': 'Declared day removed',
	'calendar.nav': 'Working days',
	'calendar.title': 'Working-day calendar {year}',
	'calendar.intro':
		'Public holidays follow the Labour Code 2019 (art. 112), lunar dates in Viet Nam time; weekends are off. The board declares the extra days off and make-up working days the government announces each year.',
	'calendar.prevYear': '← {year}',
	'calendar.nextYear': '{year} →',
	'calendar.month': 'Month {month}',
	'calendar.weekdays': 'Mo,Tu,We,Th,Fr,Sa,Su',
	'calendar.legendOff': 'Public holiday',
	'calendar.legendDeclaredOff': 'Declared day off',
	'calendar.legendWorking': 'Make-up working day',
	'calendar.holidays': 'Days off and make-up days this year',
	'calendar.holiday.newYear': "New Year's Day",
	'calendar.holiday.tet': 'Lunar New Year (Tết)',
	'calendar.holiday.hungKings': 'Hung Kings Commemoration',
	'calendar.holiday.reunification': 'Reunification Day (30/4)',
	'calendar.holiday.labour': 'Labour Day (1/5)',
	'calendar.holiday.national': 'National Day',
	'calendar.kind.off': 'Day off',
	'calendar.kind.working': 'Make-up working day',
	'calendar.declaredBy': 'declared by {name}',
	'calendar.declare': 'Declare a day',
	'calendar.day': 'Date',
	'calendar.kind': 'Kind',
	'calendar.note': 'Note (the announcement it follows)',
	'calendar.remove': 'Remove',
	'calendar.saved': '{day} declared.',
	'calendar.removed': '{day} removed.',
	'calendar.errors.date':
		'There is no such day: enter a real date as dd/mm/yyyy (e.g. 02/09/2026).',
	'calendar.errors.kind': 'Choose day off or make-up working day.',
	'calendar.errors.note':
		'Give the basis (e.g. the announcement number), at most 200 characters.',
	'calendar.errors.taken':
		'This date is already declared; remove that declaration first.',
	'calendar.errors.alreadyWorking': 'This date is already a working day.',
	'calendar.errors.alreadyOff': 'This date is already a day off.',
	'calendar.errors.stale':
		'Someone has just changed this date; look at the calendar again and retry.',
}
