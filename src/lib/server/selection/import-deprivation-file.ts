import type { DeprivationArea, Dimension } from '$lib/domain/selection/deprivation';
import type { Tx } from '../db/types';

/**
 * Stores a deprivation file that readDeprivationFile accepted, in the importing person's own
 * workspace (owner_id = them, by default and by policy). One statement for all the areas: all
 * or nothing. The owner is named once ((select auth.uid()), evaluated once) rather than left to
 * the column default, which would read the request's claims again for every row. Outcome: the
 * import's id and its number of areas. Anon has no grant: the caller is signed in.
 */
export async function importDeprivationFile(
	tx: Tx,
	file: {
		fileName: string;
		dimensions: Dimension[];
		computedQuintiles: boolean;
		areas: DeprivationArea[];
	}
): Promise<{ id: string; areas: number }> {
	const [created] = await tx.query<{ id: string }>(
		`insert into public.deprivation_imports (file_name, dimensions, computed_quintiles)
		values ($1, $2, $3) returning id`,
		[file.fileName.slice(0, 255), file.dimensions, file.computedQuintiles]
	);
	const rows = await tx.query<{ n: number }>(
		`with added as (
			insert into public.deprivation_areas (owner_id, import_id, dauid, province, region, population, scores, quintiles)
			select (select auth.uid()), $1, a.dauid, a.province, a.region, a.population, a.scores, a.quintiles
			from jsonb_to_recordset($2::jsonb)
				as a(dauid text, province text, region text, population integer, scores jsonb, quintiles jsonb)
			returning 1
		) select count(*)::int as n from added`,
		[created.id, JSON.stringify(file.areas)]
	);
	return { id: created.id, areas: rows[0].n };
}
