import type { Goal, VisionDraft } from '$lib/domain/vision/vision';
import type { Queryable } from '../db/types';

export interface VisionVersion extends VisionDraft {
	id: string;
	number: number;
	createdAt: Date;
	author: string | null;
}

export interface VisionPublication {
	id: string;
	versionId: string;
	number: number;
	publishedAt: Date;
	/** residents may endorse: not closed, and no later version published */
	open: boolean;
}

const VERSION = `select v.id, v.number, v.statement, v.goals, v.created_at as "createdAt",
	(select p.display_name from public.profiles p where p.id = v.created_by) as author
	from public.vision_versions v`;

/** A community's vision versions as the caller may see them (members: all), newest first. */
export function listVisionVersions(tx: Queryable, communityId: string): Promise<VisionVersion[]> {
	return tx.query<VisionVersion>(`${VERSION} where v.community_id = $1 order by v.number desc`, [
		communityId
	]);
}

export async function loadVisionVersion(
	tx: Queryable,
	communityId: string,
	number: number
): Promise<VisionVersion | null> {
	const [row] = await tx.query<VisionVersion>(
		`${VERSION} where v.community_id = $1 and v.number = $2`,
		[communityId, number]
	);
	return row ?? null;
}

/** Every publication of the community, newest first. */
export function listPublications(tx: Queryable, communityId: string): Promise<VisionPublication[]> {
	return tx.query<VisionPublication>(
		`select p.id, p.version_id as "versionId", v.number, p.published_at as "publishedAt",
			(p.endorsement_closed_at is null and p.published_at = max(p.published_at) over ()) as open
		from public.vision_publications p join public.vision_versions v on v.id = p.version_id
		where p.community_id = $1
		order by p.published_at desc`,
		[communityId]
	);
}

export interface PublishedVision {
	publication: VisionPublication;
	statement: VisionDraft['statement'];
	goals: Goal[];
}

/**
 * The vision residents see: the version of the community's newest publication (RLS lets anyone
 * read published versions only, so a draft can never come back from here). Null when none.
 */
export async function loadPublishedVision(
	tx: Queryable,
	communityId: string
): Promise<PublishedVision | null> {
	const [publication] = await listPublications(tx, communityId);
	if (!publication) return null;
	const [version] = await tx.query<VisionDraft>(
		'select statement, goals from public.vision_versions where id = $1',
		[publication.versionId]
	);
	return version ? { publication, statement: version.statement, goals: version.goals } : null;
}
