import { translator } from '../../i18n';
import type { Lang } from '../../i18n/languages';
import type { Cell } from '../results/csv';
import { endorsementAnswers, type EndorsementResults } from '../vision/endorsement';
import type { CommunitySummary, SummaryGroup } from './summary';

export const reportTables = [
	'participation',
	'representation',
	'questionnaires',
	'priorities',
	'votes',
	'endorsement'
] as const;
export type ReportTable = (typeof reportTables)[number];

export interface ReportTablesInput {
	summary: CommunitySummary;
	vision: { goals: { key: string; text: { en: string; fr: string } }[] } | null;
	endorsement: EndorsementResults | null;
}

/**
 * One aggregate table of the report as spreadsheet rows, headed in the language. Suppressed
 * cells stay blank-with-a-word rather than zero, so nobody reads a hidden group as "nobody".
 */
export function reportTableRows(
	input: ReportTablesInput,
	table: ReportTable,
	lang: Lang
): Cell[][] {
	const t = translator(lang);
	const { summary } = input;
	const hidden = t('report.suppressed', { k: summary.k });
	const n = (value: number | null | undefined): Cell => (value == null ? hidden : value);
	const x = (value: number | null): Cell => (value === null ? '' : Math.round(value * 1000) / 1000);
	const group = (dimension: string, value: string) =>
		value === 'prefer_not_to_say'
			? t('demographics.prefer_not_to_say')
			: dimension === 'language'
				? t(`languages.${value}`)
				: t(`demographics.${dimension}.options.${value}`);
	const groupRow = (dimension: string, label: string, g: SummaryGroup): Cell[] => [
		label,
		group(dimension, g.value),
		n(g.participants),
		x(g.participantShare),
		x(g.populationShare),
		x(g.ratio),
		g.flagged ? t('report.under_represented') : ''
	];
	const groupHeader = [
		t('report.dimension'),
		t('report.group'),
		t('report.participants'),
		t('report.participant_share'),
		t('report.population_share'),
		t('report.ratio'),
		t('report.flag')
	];
	switch (table) {
		case 'participation':
			return [
				[t('report.channel'), t('report.participants')],
				...summary.participation.channels.map((row) => [
					t(`results.channels.${row.channel}`),
					n(row.count)
				]),
				[t('report.all_participants'), n(summary.participation.participants)]
			];
		case 'representation':
			return [
				groupHeader,
				...summary.participation.languages.map((g) =>
					groupRow('language', t('report.by_language'), g)
				),
				...summary.representation.flatMap((view) =>
					view.groups.map((g) =>
						groupRow(view.dimension, t(`demographics.${view.dimension}.label`), g)
					)
				)
			];
		case 'questionnaires':
			return [
				[t('report.questionnaire'), t('report.opens'), t('report.closes'), t('report.responses')],
				...summary.methods.questionnaires.map((q) => [
					q.title[lang],
					q.opensAt?.slice(0, 10) ?? '',
					q.closesAt?.slice(0, 10) ?? '',
					n(q.responses)
				])
			];
		case 'priorities':
			return [
				[t('report.priority'), t('report.people_who_said_it'), t('report.mentions')],
				...summary.priorities.map((area) => [
					area.name[lang],
					n(area.participants),
					n(area.mentions)
				])
			];
		case 'votes':
			return [
				[
					t('report.round'),
					t('report.option'),
					t('report.score'),
					t('report.supporters'),
					t('report.ballots_column')
				],
				...summary.votes.flatMap((round) =>
					round.options.map((option) => [
						round.title[lang],
						option.label[lang],
						option.score === null ? '' : Math.round(option.score * 1000) / 1000,
						n(option.supporters),
						n(round.ballots)
					])
				)
			];
		case 'endorsement': {
			const header = [
				t('report.dimension'),
				t('report.group'),
				t('vision.item'),
				...endorsementAnswers.map((a) => t(`vision.answers.${a}`)),
				t('vision.total')
			];
			const results = input.endorsement;
			if (!results || !input.vision) return [header];
			const items = [
				{ key: 'statement', label: t('vision.fields.statement') },
				...input.vision.goals.map((goal, i) => ({
					key: goal.key,
					label: `${t('vision.goal', { number: i + 1 })} — ${goal.text[lang]}`
				}))
			];
			const rows = (dimension: string, value: string, counts: EndorsementResults['overall']) =>
				items.map((item): Cell[] => {
					const c = counts[item.key];
					return [
						dimension,
						value,
						item.label,
						...endorsementAnswers.map((a) => {
							const cell = c?.cells.find((x) => x.key === a);
							return cell ? n(cell.count) : '';
						}),
						c ? n(c.total) : ''
					];
				});
			return [
				header,
				...rows(t('report.all_participants'), '', results.overall),
				...results.byProfile.flatMap((d) =>
					d.groups.flatMap((g) =>
						g.size === null
							? [[t(`demographics.${d.dimension}.label`), group(d.dimension, g.value), hidden]]
							: rows(t(`demographics.${d.dimension}.label`), group(d.dimension, g.value), g.items)
					)
				)
			];
		}
	}
}
