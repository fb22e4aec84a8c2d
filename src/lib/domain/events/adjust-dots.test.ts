import { describe, expect, it } from 'vitest';
import { adjustDots } from './adjust-dots';

describe('dot steppers without JavaScript', () => {
	it('adds or removes one dot on the named option, never below zero', () => {
		expect(adjustDots({ 'mark.a': '2', adjust: 'a:up' })['mark.a']).toBe('3');
		expect(adjustDots({ 'mark.a': '', adjust: 'a:down' })['mark.a']).toBe('0');
		expect(adjustDots({ 'mark.a': '1', adjust: 'b:up' })).toEqual({
			'mark.a': '1',
			adjust: 'b:up'
		});
	});
});
