/**
 * Rows per page of the chain page's tables (matrix and phase table). 50 rows keep both tables to
 * a few thousand DOM nodes at any number of areas and still show a whole demo city (41 areas) or
 * a Kreis's Ortsteile (59: two pages) almost at once.
 */
export const TABLE_PAGE_SIZE = 50;
