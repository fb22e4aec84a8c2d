import { describe, expect, it } from 'vitest';
import { indicatorForm, indicatorValueForm, updateProblems } from './forms';

const AREA = '7b0c1a52-36a3-4f5e-9d0b-6f1a5a1c2d3e';

describe('action forms', () => {
	it('reads decimals with a French comma and refuses blanks', () => {
		const ok = indicatorValueForm.safeParse({ measuredOn: '2026-03-01', value: '12,5' });
		expect(ok.success && ok.data.value).toBe(12.5);
		const blank = indicatorValueForm.safeParse({ measuredOn: '2026-03-01', value: '' });
		expect(blank.success).toBe(false);
	});

	it('requires an indicator name in both languages', () => {
		const parsed = indicatorForm.safeParse({
			areaId: AREA,
			name: { en: 'Homes built', fr: '' },
			term: 'short',
			kind: 'output',
			baseline: '0',
			target: '10'
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0].path).toEqual(['name', 'fr']);
	});

	it('names each missing translation of an update', () => {
		expect(
			updateProblems({ youSaid: { en: 'Rent', fr: 'Loyer' }, weDid: { en: 'Built', fr: ' ' } })
		).toEqual({ 'weDid.fr': 'questionnaire_errors.translation_missing_fr' });
	});
});
