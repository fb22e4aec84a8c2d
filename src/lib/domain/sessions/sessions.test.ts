import { describe, expect, it } from 'vitest';
import { movedOrder } from './guides';
import { noteBody, noteForm, noteInput } from './notes';
import { readNotesSheet } from './notes-csv';
import { channelOfSession, sessionForm, sessionInput } from './records';
import {
	notRecorded,
	readTally,
	tallyDimensions,
	tallyField,
	tallyFromRows,
	tallyRows,
	tallyValues
} from './tally';

describe('attendee tally', () => {
	it('reads counts per option, blank as zero, and derives the not recorded', () => {
		const { tally, errors } = readTally(
			{
				[tallyField('gender', 'woman')]: '5',
				[tallyField('gender', 'man')]: ' 3 ',
				[tallyField('gender', 'prefer_not_to_say')]: '1',
				[tallyField('age_group', '25_34')]: '0'
			},
			12
		);
		expect(errors).toEqual({});
		expect(tally).toEqual({ gender: { woman: 5, man: 3, prefer_not_to_say: 1 } });
		expect(notRecorded(tally, 'gender', 12)).toBe(3);
		expect(notRecorded(tally, 'age_group', 12)).toBe(12);
	});

	it('refuses a dimension counting more people than attended, on its first field', () => {
		const { errors } = readTally(
			{ [tallyField('gender', 'woman')]: '8', [tallyField('gender', 'man')]: '5' },
			12
		);
		expect(errors).toEqual({ [tallyField('gender', 'woman')]: 'sessions.errors.tally_exceeds' });
		expect(readTally({ [tallyField('gender', 'man')]: '12' }, 12).errors).toEqual({});
	});

	it('refuses counts that are not whole numbers', () => {
		for (const bad of ['-1', '2.5', 'three', '1e3'])
			expect(readTally({ [tallyField('disability', 'yes')]: bad }, 10).errors).toEqual({
				[tallyField('disability', 'yes')]: 'sessions.errors.count_format'
			});
	});

	it('offers every standard dimension with prefer not to say, and not area of residence', () => {
		expect(tallyDimensions.map((d) => d.key)).not.toContain('area_of_residence');
		for (const d of tallyDimensions) expect(d.options.at(-1)?.value).toBe('prefer_not_to_say');
	});

	it('round-trips through database rows and form values', () => {
		const tally = { gender: { woman: 2 }, disability: { no: 4 } };
		expect(tallyFromRows(tallyRows(tally))).toEqual(tally);
		expect(readTally(tallyValues(tally), 4).tally).toEqual(tally);
	});
});

describe('session record form', () => {
	const valid = {
		kind: 'interview',
		heldOn: '2026-03-14',
		place: 'Library',
		language: 'fr',
		facilitatorName: 'Awa',
		attendees: '1',
		consentNoted: 'on'
	};
	it('accepts a record and maps the checkbox and blanks', () => {
		const parsed = sessionForm.parse(sessionInput(valid));
		expect(parsed).toMatchObject({
			kind: 'interview',
			attendees: 1,
			consentNoted: true,
			facilitatorId: null,
			guideId: null
		});
	});
	it('names each problem by field', () => {
		const result = sessionForm.safeParse(
			sessionInput({
				...valid,
				heldOn: '2026-02-30',
				attendees: '',
				facilitatorId: '10000000-0000-4000-8000-00000000000a'
			})
		);
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((i) => [i.path[0], i.message]);
		expect(fields).toEqual(
			expect.arrayContaining([
				['heldOn', 'builder.errors.date_format'],
				['attendees', 'sessions.errors.attendees_required'],
				['facilitatorName', 'sessions.errors.facilitator_both']
			])
		);
	});
	it('counts focus groups and meetings as focus_group, interviews as interview, not observation', () => {
		expect(channelOfSession('focus_group')).toBe('focus_group');
		expect(channelOfSession('meeting')).toBe('focus_group');
		expect(channelOfSession('interview')).toBe('interview');
		expect(channelOfSession('observation')).toBeNull();
	});
});

describe('notes', () => {
	it('stores the text in its language and the translation in the other', () => {
		const note = noteForm.parse(
			noteInput({ text: ' Le parc ', translation: 'The park', language: 'fr', kind: 'quote' })
		);
		expect(noteBody(note)).toEqual({ fr: 'Le parc', en: 'The park' });
		expect(note.promptId).toBeNull();
		expect(
			noteForm.safeParse(noteInput({ text: ' ', language: 'en', kind: 'quote' })).error?.issues[0]
				.message
		).toBe('sessions.errors.note_required');
	});

	it('moves a prompt up or down, not past the edges', () => {
		expect(movedOrder(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b']);
		expect(movedOrder(['a', 'b', 'c'], 'a', 'up')).toBeNull();
		expect(movedOrder(['a', 'b', 'c'], 'c', 'down')).toBeNull();
	});
});

describe('notes CSV', () => {
	const prompts = [
		{ id: 'p1', prompt: { en: 'What do you like here?', fr: 'Qu’aimez-vous ici ?' } },
		{ id: 'p2', prompt: { en: 'What is missing?', fr: 'Que manque-t-il ?' } }
	];
	it('reads headings and values in either language, with defaults', () => {
		const reading = readNotesSheet(
			[
				['Texte', 'Type', 'Langue', 'Question', 'Traduction'],
				['Le parc est beau', 'citation', 'français', '1', 'The park is nice'],
				['More buses', '', '', 'what is missing?', ''],
				['', '', '', '', '']
			],
			prompts,
			'en'
		);
		expect(reading.problems).toEqual([]);
		expect(reading.rows).toBe(2);
		expect(reading.notes).toEqual([
			{
				row: 2,
				kind: 'quote',
				language: 'fr',
				text: 'Le parc est beau',
				translation: 'The park is nice',
				promptId: 'p1'
			},
			{
				row: 3,
				kind: 'summary',
				language: 'en',
				text: 'More buses',
				translation: '',
				promptId: 'p2'
			}
		]);
	});

	it('lists every problem by row and column', () => {
		const reading = readNotesSheet(
			[
				['text', 'kind', 'language', 'prompt'],
				['ok', 'quote', 'en', '2'],
				['', 'story', 'es', '3']
			],
			prompts,
			'fr'
		);
		expect(reading.notes).toHaveLength(1);
		expect(reading.problems).toEqual([
			{ row: 3, column: 'text', value: '', error: 'sessions.errors.note_required' },
			{ row: 3, column: 'kind', value: 'story', error: 'sessions.csv.unknown_kind' },
			{ row: 3, column: 'language', value: 'es', error: 'sessions.csv.unknown_language' },
			{ row: 3, column: 'prompt', value: '3', error: 'sessions.csv.unknown_prompt' }
		]);
	});

	it('refuses a file without a text column or with unknown or repeated columns', () => {
		expect(
			readNotesSheet([['kind', 'colour', 'Kind']], prompts, 'en').problems.map((p) => p.error)
		).toEqual([
			'sessions.csv.unknown_column',
			'sessions.csv.repeated_column',
			'sessions.csv.no_text_column'
		]);
		expect(readNotesSheet([['text']], prompts, 'en').problems.map((p) => p.error)).toEqual([
			'sessions.csv.no_rows'
		]);
	});
});
