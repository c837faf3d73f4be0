// Hồ Ngọc Đức's lunar calendar algorithm (public domain, https://www.informatik.uni-leipzig.de/~duc/amlich/),
// computed in Viet Nam's time zone (UTC+7): Vietnamese and Chinese Tết differ in some years.
const TIME_ZONE = 7

function jdFromDate(dd: number, mm: number, yy: number) {
	const a = Math.floor((14 - mm) / 12)
	const y = yy + 4800 - a
	const m = mm + 12 * a - 3
	let jd =
		dd +
		Math.floor((153 * m + 2) / 5) +
		365 * y +
		Math.floor(y / 4) -
		Math.floor(y / 100) +
		Math.floor(y / 400) -
		32045
	if (jd < 2299161)
		jd =
			dd + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083
	return jd
}

function jdToIso(jd: number) {
	return new Date((jd - 2440588) * 86_400_000).toISOString().slice(0, 10)
}

function newMoon(k: number) {
	const T = k / 1236.85
	const T2 = T * T
	const T3 = T2 * T
	const dr = Math.PI / 180
	let Jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
	Jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
	const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
	const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
	const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
	let C1 =
		(0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M)
	C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr)
	C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr)
	C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr))
	C1 =
		C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M))
	C1 =
		C1 -
		0.0004 * Math.sin(dr * (2 * F - M)) -
		0.0006 * Math.sin(dr * (2 * F + Mpr))
	C1 =
		C1 +
		0.001 * Math.sin(dr * (2 * F - Mpr)) +
		0.0005 * Math.sin(dr * (2 * Mpr + M))
	const deltat =
		T < -11
			? 0.001 +
				0.000839 * T +
				0.0002261 * T2 -
				0.00000845 * T3 -
				0.000000081 * T * T3
			: -0.000278 + 0.000265 * T + 0.000262 * T2
	return Jd1 + C1 - deltat
}

function newMoonDay(k: number) {
	return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24)
}

function sunLongitude(jdn: number) {
	const T = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525
	const T2 = T * T
	const dr = Math.PI / 180
	const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
	const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
	let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M)
	DL +=
		(0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) +
		0.00029 * Math.sin(dr * 3 * M)
	let L = (L0 + DL) * dr
	L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2))
	return Math.floor((L / Math.PI) * 6)
}

function lunarMonth11(yy: number) {
	const off = jdFromDate(31, 12, yy) - 2415021
	const k = Math.floor(off / 29.530588853)
	let nm = newMoonDay(k)
	if (sunLongitude(nm) >= 9) nm = newMoonDay(k - 1)
	return nm
}

function leapMonthOffset(a11: number) {
	const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
	let last = 0
	let i = 1
	let arc = sunLongitude(newMoonDay(k + i))
	do {
		last = arc
		i++
		arc = sunLongitude(newMoonDay(k + i))
	} while (arc !== last && i < 14)
	return i - 1
}

/** The solar date ('YYYY-MM-DD') of a lunar date of lunar year `lunarYear` (Viet Nam, UTC+7). */
export function lunarToSolar(
	lunarDay: number,
	lunarMonth: number,
	lunarYear: number,
	lunarLeap = false,
) {
	let a11: number
	let b11: number
	if (lunarMonth < 11) {
		a11 = lunarMonth11(lunarYear - 1)
		b11 = lunarMonth11(lunarYear)
	} else {
		a11 = lunarMonth11(lunarYear)
		b11 = lunarMonth11(lunarYear + 1)
	}
	const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
	let off = lunarMonth - 11
	if (off < 0) off += 12
	if (b11 - a11 > 365) {
		const leapOff = leapMonthOffset(a11)
		let leapMonth = leapOff - 2
		if (leapMonth < 0) leapMonth += 12
		if (lunarLeap && lunarMonth !== leapMonth)
			throw new Error(`${lunarYear} has no leap month ${lunarMonth}`)
		if (lunarLeap || off >= leapOff) off += 1
	}
	return jdToIso(newMoonDay(k + off) + lunarDay - 1)
}

/** Tết Nguyên đán (lunar 1/1) of a solar year. */
export function tetDate(year: number) {
	return lunarToSolar(1, 1, year)
}
