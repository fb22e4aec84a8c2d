// coding.suggest_10k_ms: theme suggestions (src/lib/domain/coding/suggest.ts) for 10,000 uncoded
// answers, half English and half French, against a 12-theme bilingual codebook and 500 answers
// already coded, all from a seeded generator. Measures what the coding page does on each load:
// tokenize everything, build the TF-IDF model, score every item against every theme.
import { importBundled } from './lib/bundle.js';
import { seededRandom } from './lib/demo-response.js';
import { median, round } from './lib/report.js';

/** Per theme: keywords and phrases residents use, in each language. */
const VOCABULARY = [
	[
		'housing',
		['rent', 'housing', 'landlord', 'apartment'],
		['loyer', 'logement', 'propriétaire', 'appartement']
	],
	['transit', ['bus', 'transit', 'schedule', 'stop'], ['autobus', 'transport', 'horaire', 'arrêt']],
	[
		'safety',
		['safety', 'streetlights', 'night', 'police'],
		['sécurité', 'lampadaires', 'nuit', 'police']
	],
	['parks', ['park', 'trees', 'playground', 'green'], ['parc', 'arbres', 'jeux', 'verdure']],
	['food', ['groceries', 'food', 'market', 'prices'], ['épicerie', 'nourriture', 'marché', 'prix']],
	[
		'youth',
		['youth', 'teenagers', 'programs', 'after-school'],
		['jeunes', 'adolescents', 'activités', 'parascolaire']
	],
	[
		'seniors',
		['seniors', 'elderly', 'isolation', 'visits'],
		['aînés', 'personnes âgées', 'isolement', 'visites']
	],
	['health', ['clinic', 'doctor', 'health', 'wait'], ['clinique', 'médecin', 'santé', 'attente']],
	['jobs', ['jobs', 'work', 'training', 'wages'], ['emplois', 'travail', 'formation', 'salaires']],
	[
		'culture',
		['festival', 'library', 'arts', 'events'],
		['festival', 'bibliothèque', 'arts', 'événements']
	],
	[
		'cleanliness',
		['garbage', 'litter', 'snow', 'sidewalks'],
		['déchets', 'ordures', 'neige', 'trottoirs']
	],
	[
		'traffic',
		['traffic', 'speeding', 'cars', 'crossing'],
		['circulation', 'vitesse', 'voitures', 'traverse']
	]
];
const FILLER = {
	en: [
		'we need more',
		'it is hard to find',
		'the neighbourhood has problems with',
		'I wish there were better',
		'please improve the',
		'my family worries about the',
		'there is not enough'
	],
	fr: [
		'il faut plus de',
		'c’est difficile de trouver',
		'le quartier a des problèmes avec',
		'je voudrais de meilleurs',
		'svp améliorez les',
		'ma famille s’inquiète pour les',
		'il n’y a pas assez de'
	]
};

function generate(count, seed) {
	const random = seededRandom(seed);
	const pick = (list) => list[Math.floor(random() * list.length)];
	return Array.from({ length: count }, (_, i) => {
		const language = i % 2 === 0 ? 'en' : 'fr';
		const li = language === 'en' ? 1 : 2;
		const themes = [pick(VOCABULARY), ...(random() < 0.3 ? [pick(VOCABULARY)] : [])];
		const words = themes.flatMap((theme) => [
			pick(FILLER[language]),
			pick(theme[li]),
			pick(theme[li])
		]);
		return {
			key: `answer:${i}`,
			text: words.join(' '),
			language,
			themeIds: themes.map((theme) => theme[0])
		};
	});
}

export const coding = {
	key: 'coding',
	figures: { suggest_10k_ms: null },
	budgets: { suggest_10k_ms: { lt: 5000 } },
	async run({ quick, log }) {
		const { suggestAll } = await importBundled('src/lib/domain/coding/suggest.ts');
		const themes = VOCABULARY.map(([id, en, fr]) => ({
			id,
			keywords: { en: en.slice(0, 2), fr: fr.slice(0, 2) }
		}));
		const coded = generate(500, 1);
		const truth = generate(10_000, 2);
		const uncoded = truth.map(({ key, text, language }) => ({ key, text, language }));
		const runs = quick ? 2 : 5;
		const times = [];
		let suggested = 0;
		let last = new Map();
		for (let r = 0; r < runs; r++) {
			const started = performance.now();
			const result = suggestAll(themes, coded, uncoded);
			times.push(performance.now() - started);
			suggested = [...result.values()].filter((list) => list.length > 0).length;
			last = result;
		}
		// how often the best suggestion is one of the themes the generator wrote the answer about
		const correct = truth.filter((item) =>
			item.themeIds.includes(last.get(item.key)?.[0]?.themeId)
		).length;
		log(
			`  ${suggested} of ${uncoded.length} answers got a suggestion; runs ${times.map((t) => round(t)).join(', ')} ms`
		);
		return {
			suggest_10k_ms: round(median(times)),
			items: uncoded.length,
			coded_items: coded.length,
			themes: themes.length,
			items_with_suggestions: suggested,
			top_suggestion_correct: round(correct / truth.length, 3),
			runs
		};
	}
};
