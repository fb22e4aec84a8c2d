/* What the live screens of an event show; sent by the server as server-sent events. */

/** A live vote's standing: points per option (dots, approvals or Borda points) and ballots. */
export interface LiveVote {
	roundId: string;
	title: { en: string; fr: string };
	method: string;
	open: boolean;
	ballots: number;
	options: { id: string; label: { en: string; fr: string }; points: number }[];
}

/** Approved ideas (newest first) and the event's votes. */
export interface LiveSnapshot {
	status: 'open' | 'closed';
	ideas: { id: string; body: string; language: 'en' | 'fr' }[];
	votes: LiveVote[];
}
