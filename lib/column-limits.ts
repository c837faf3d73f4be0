/** The largest value a PostgreSQL `integer` column holds (versions, counts, years). */
export const MAX_INT = 2_147_483_647

/** The largest amount a `numeric(14, 2)` column holds. */
export const MAX_AMOUNT = 999_999_999_999.99
