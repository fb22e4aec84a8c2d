import type { Dimension } from '$lib/domain/selection/deprivation';
import type { Queryable } from '../db/types';

export interface DeprivationImport {
	id: string;
	fileName: string;
	dimensions: Dimension[];
	computedQuintiles: boolean;
	createdAt: string;
	areas: number;
}

export interface StoredArea {
	id: string;
	dauid: string;
	province: string;
	region: string;
	population: number | null;
	scores: Partial<Record<Dimension, number>>;
	quintiles: Partial<Record<Dimension, number>>;
	readinessNote: string;
}

/** The deprivation files the signed-in person imported, newest first (RLS: only their own). */
export function listDeprivationImports(tx: Queryable): Promise<DeprivationImport[]> {
	return tx.query<DeprivationImport>(
		`select i.id, i.file_name as "fileName", i.dimensions, i.computed_quintiles as "computedQuintiles",
			i.created_at as "createdAt",
			(select count(*)::int from public.deprivation_areas a where a.import_id = i.id) as areas
		from public.deprivation_imports i
		order by i.created_at desc, i.id`
	);
}

/** The areas of one import (all of them: ranking and filtering are done by rankAreas). */
export function listDeprivationAreas(tx: Queryable, importId: string): Promise<StoredArea[]> {
	return tx.query<StoredArea>(
		`select id, dauid, province, region, population, scores, quintiles,
			readiness_note as "readinessNote"
		from public.deprivation_areas where import_id = $1 order by dauid`,
		[importId]
	);
}
