import { describe, expect, it } from 'vitest';
import {
	eventForm,
	eventInput,
	ideaForm,
	profileForm,
	signinErrors,
	signinForm,
	signinInput
} from './forms';

describe('event forms', () => {
	const values = {
		'title.en': 'Town hall',
		'title.fr': 'Assemblée',
		kind: 'town_hall',
		heldOn: '2026-12-01',
		place: 'Centre',
		questionnaireId: '',
		display: 'both'
	};

	it('takes a complete event, with or without a questionnaire', () => {
		const parsed = eventForm.parse(eventInput(values));
		expect(parsed).toMatchObject({ questionnaireId: null, heldOn: '2026-12-01' });
	});

	it('names each missing or bad field', () => {
		const parsed = eventForm.safeParse(
			eventInput({ ...values, 'title.fr': ' ', heldOn: '2026-02-30', place: '', kind: 'x' })
		);
		expect(parsed.success).toBe(false);
		const messages = parsed.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				'title.fr:events.errors.title_fr',
				'heldOn:events.errors.date',
				'place:events.errors.place',
				'kind:errors.invalid_choice'
			])
		);
	});

	it('limits ideas to 280 characters after trimming', () => {
		const id = crypto.randomUUID();
		expect(ideaForm.safeParse({ ideaId: id, idea: `  ${'x'.repeat(280)}  ` }).success).toBe(true);
		expect(ideaForm.safeParse({ ideaId: id, idea: 'x'.repeat(281) }).error?.issues[0].message).toBe(
			'events.errors.idea_too_long'
		);
		expect(ideaForm.safeParse({ ideaId: id, idea: '   ' }).error?.issues[0].message).toBe(
			'events.errors.idea_required'
		);
	});

	it('keeps only the profile answers given, from the demographic options', () => {
		expect(profileForm.parse({ age_group: '25_34', gender: '' })).toEqual({ age_group: '25_34' });
		expect(profileForm.safeParse({ gender: 'robot' }).success).toBe(false);
		expect(profileForm.parse({ first_official_language: 'prefer_not_to_say' })).toEqual({
			first_official_language: 'prefer_not_to_say'
		});
	});

	it('reads sign-in sheet counts, blank as zero, and refuses a group larger than the sheet', () => {
		const parsed = signinForm.parse(
			signinInput({ attendees: '20', 'age_group.25_34': '7', 'gender.woman': '' })
		);
		expect(parsed.attendees).toBe(20);
		expect(parsed.counts['age_group.25_34']).toBe(7);
		expect(parsed.counts['gender.woman']).toBe(0);
		const bad = signinForm.safeParse(
			signinInput({
				attendees: '5',
				'gender.woman': '4',
				'gender.man': '3',
				'age_group.15_24': '-1'
			})
		);
		expect(signinErrors(bad.error!)).toEqual({
			'age_group.15_24': 'events.errors.count',
			attendees: 'events.errors.more_than_attendees'
		});
	});
});
