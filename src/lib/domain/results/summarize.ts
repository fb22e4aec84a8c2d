import {
	agreementScale,
	chosenValues,
	choicesOf,
	otherTextOf,
	OTHER_CHOICE,
	RATING_MAX,
	RATING_MIN,
	type AnswerByType,
	type Question
} from '../questionnaires';

/** One respondent's stored answer to the question being summarised. */
export type AnswerRecord = { value: unknown; language: 'en' | 'fr' };

export type ChoiceSummary = {
	kind: 'choices';
	answered: number;
	/** respondents per option (a multiple-choice respondent counts once per option chosen) */
	counts: { value: string; count: number }[];
	otherTexts: string[];
};

export type ScaleSummary = {
	kind: 'scale';
	answered: number;
	/** respondents per point of the scale, lowest first */
	distribution: { value: number; count: number }[];
	mean: number | null;
	median: number | null;
};

export type NumberSummary = Omit<ScaleSummary, 'kind' | 'distribution'> & {
	kind: 'number';
	min: number | null;
	max: number | null;
};

export type RankingSummary = {
	kind: 'ranking';
	answered: number;
	/** Borda points: first place earns `top` points, last ranked place 1; best first */
	options: {
		value: string;
		bordaPoints: number;
		averageRank: number | null;
		timesRanked: number;
	}[];
};

export type TextSummary = {
	kind: 'text';
	answered: number;
	texts: { text: string; language: 'en' | 'fr' }[];
};

export type QuestionSummary =
	| ChoiceSummary
	| ScaleSummary
	| NumberSummary
	| RankingSummary
	| TextSummary
	| { kind: 'consent'; answered: number };

function mean(values: number[]): number | null {
	return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function scale(values: number[], points: number[]): ScaleSummary {
	return {
		kind: 'scale',
		answered: values.length,
		distribution: points.map((point) => ({
			value: point,
			count: values.filter((v) => v === point).length
		})),
		mean: mean(values),
		median: median(values)
	};
}

function choices(question: Question, answers: AnswerRecord[]): ChoiceSummary {
	const options =
		question.type === 'yes_no' ? ['yes', 'no'] : choicesOf(question).map((o) => o.value);
	const hasOther = 'allowOther' in question && question.allowOther === true;
	const counts = new Map<string, number>(
		[...options, ...(hasOther ? [OTHER_CHOICE] : [])].map((v) => [v, 0])
	);
	const otherTexts: string[] = [];
	for (const { value } of answers) {
		const answer = value as AnswerByType['single_choice' | 'multiple_choice'];
		for (const chosen of chosenValues(answer)) counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
		const other = otherTextOf(answer);
		if (other !== undefined) {
			counts.set(OTHER_CHOICE, (counts.get(OTHER_CHOICE) ?? 0) + 1);
			otherTexts.push(other);
		}
	}
	return {
		kind: 'choices',
		answered: answers.length,
		counts: [...counts].map(([value, count]) => ({ value, count })),
		otherTexts
	};
}

function ranking(
	question: Extract<Question, { type: 'ranking' }>,
	answers: AnswerRecord[]
): RankingSummary {
	const stats = new Map(
		question.options.map((o) => [o.value, { points: 0, rankSum: 0, times: 0 }])
	);
	for (const { value } of answers) {
		(value as string[]).forEach((option, index) => {
			const entry = stats.get(option);
			if (!entry) return;
			entry.points += question.top - index;
			entry.rankSum += index + 1;
			entry.times += 1;
		});
	}
	return {
		kind: 'ranking',
		answered: answers.length,
		options: [...stats]
			.map(([value, s]) => ({
				value,
				bordaPoints: s.points,
				averageRank: s.times ? s.rankSum / s.times : null,
				timesRanked: s.times
			}))
			.sort((a, b) => b.bordaPoints - a.bordaPoints)
	};
}

/** The organizer's view of one question's answers: counts, distribution, ranks or texts. */
export function summarizeQuestion(question: Question, answers: AnswerRecord[]): QuestionSummary {
	switch (question.type) {
		case 'single_choice':
		case 'multiple_choice':
		case 'yes_no':
		case 'demographic':
			return choices(question, answers);
		case 'agreement_scale':
			return scale(
				answers.map((a) => a.value as number),
				agreementScale.map((point) => point.value)
			);
		case 'rating': {
			const points = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
			return scale(
				answers.map((a) => a.value as number),
				points
			);
		}
		case 'number': {
			const values = answers.map((a) => a.value as number);
			return {
				kind: 'number',
				answered: values.length,
				mean: mean(values),
				median: median(values),
				min: values.length ? Math.min(...values) : null,
				max: values.length ? Math.max(...values) : null
			};
		}
		case 'ranking':
			return ranking(question, answers);
		case 'short_text':
		case 'long_text':
			return {
				kind: 'text',
				answered: answers.length,
				texts: answers.map((a) => ({ text: a.value as string, language: a.language }))
			};
		case 'consent':
			return { kind: 'consent', answered: answers.length };
	}
}
