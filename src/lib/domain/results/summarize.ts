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

/**
 * A stored answer to the question being summarised, given by `count` respondents (1 when not
 * said): a million responses arrive as their few hundred distinct answers, counted in SQL.
 * Written answers come one by one, with the language they were written in.
 */
export type AnswerRecord = { value: unknown; language?: 'en' | 'fr'; count?: number };

/** A number given by `count` respondents. */
type CountedNumber = { value: number; count: number };

const countOf = (answer: AnswerRecord) => answer.count ?? 1;
const total = (answers: readonly { count?: number }[]) =>
	answers.reduce((sum, answer) => sum + (answer.count ?? 1), 0);

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

function mean(values: readonly CountedNumber[]): number | null {
	const n = total(values);
	return n ? values.reduce((sum, v) => sum + v.value * v.count, 0) / n : null;
}

/** The middle value, or the mean of the two middle ones, of every respondent's number. */
function median(values: readonly CountedNumber[]): number | null {
	const n = total(values);
	if (!n) return null;
	const sorted = [...values].sort((a, b) => a.value - b.value);
	// the value at 0-based position i of the expanded, sorted list
	const at = (i: number) => {
		let seen = 0;
		for (const v of sorted) {
			seen += v.count;
			if (i < seen) return v.value;
		}
		return sorted[sorted.length - 1].value;
	};
	const middle = Math.floor(n / 2);
	return n % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

const numbers = (answers: readonly AnswerRecord[]): CountedNumber[] =>
	answers.map((a) => ({ value: a.value as number, count: countOf(a) }));

function scale(values: CountedNumber[], points: number[]): ScaleSummary {
	return {
		kind: 'scale',
		answered: total(values),
		distribution: points.map((point) => ({
			value: point,
			count: total(values.filter((v) => v.value === point))
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
	for (const record of answers) {
		const answer = record.value as AnswerByType['single_choice' | 'multiple_choice'];
		const n = countOf(record);
		for (const chosen of chosenValues(answer)) counts.set(chosen, (counts.get(chosen) ?? 0) + n);
		const other = otherTextOf(answer);
		if (other !== undefined) {
			counts.set(OTHER_CHOICE, (counts.get(OTHER_CHOICE) ?? 0) + n);
			// counted answers carry "" for their texts, which are listed apart
			if (other !== '') otherTexts.push(other);
		}
	}
	return {
		kind: 'choices',
		answered: total(answers),
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
	for (const record of answers) {
		const n = countOf(record);
		(record.value as string[]).forEach((option, index) => {
			const entry = stats.get(option);
			if (!entry) return;
			entry.points += (question.top - index) * n;
			entry.rankSum += (index + 1) * n;
			entry.times += n;
		});
	}
	return {
		kind: 'ranking',
		answered: total(answers),
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
				numbers(answers),
				agreementScale.map((point) => point.value)
			);
		case 'rating': {
			const points = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
			return scale(numbers(answers), points);
		}
		case 'number': {
			const values = numbers(answers).filter((v) => v.count > 0);
			return {
				kind: 'number',
				answered: total(values),
				mean: mean(values),
				median: median(values),
				min: values.length ? Math.min(...values.map((v) => v.value)) : null,
				max: values.length ? Math.max(...values.map((v) => v.value)) : null
			};
		}
		case 'ranking':
			return ranking(question, answers);
		case 'short_text':
		case 'long_text':
			return {
				kind: 'text',
				answered: total(answers),
				texts: answers.flatMap((a) =>
					a.value === '' ? [] : [{ text: a.value as string, language: a.language ?? 'en' }]
				)
			};
		case 'consent':
			return { kind: 'consent', answered: total(answers) };
	}
}
