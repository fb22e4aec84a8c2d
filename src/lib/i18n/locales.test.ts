import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([key, value]) =>
		typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`)
	);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
	});
}

const enKeys = new Set(keys(en));
const topLevel = new Set(Object.keys(en));
const files = sourceFiles('src');
const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');

describe('locale files', () => {
	it('English and French have exactly the same keys', () => {
		const frKeys = new Set(keys(fr));
		expect([...enKeys].filter((key) => !frKeys.has(key))).toEqual([]);
		expect([...frKeys].filter((key) => !enKeys.has(key))).toEqual([]);
	});

	it('no translation is empty', () => {
		const empty = [...keys(en), ...keys(fr)].filter((key) => {
			const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], en);
			return typeof value === 'string' && value.trim() === '';
		});
		expect(empty).toEqual([]);
	});

	it('every key the code names exists', () => {
		// Any quoted dotted name whose first part is a top-level locale section is a key: t('x.y'),
		// zod messages ('errors.required'), server results ('team.errors.last_owner').
		const named = [...source.matchAll(/['"]([a-z_]+(?:\.[a-z_]+)+)['"]/g)]
			.map((match) => match[1])
			.filter((key) => topLevel.has(key.split('.')[0]));
		expect(named.length).toBeGreaterThan(20);
		expect([...new Set(named)].filter((key) => !enKeys.has(key))).toEqual([]);
	});

	it('every dynamic key prefix (t(`roles.${role}`)) has keys under it', () => {
		const prefixes = [...source.matchAll(/t\(`([a-z_.]+)\.\$\{/g)].map((match) => match[1]);
		expect(prefixes.length).toBeGreaterThan(0);
		for (const prefix of prefixes) {
			expect(
				[...enKeys].some((key) => key.startsWith(`${prefix}.`)),
				prefix
			).toBe(true);
		}
	});

	it('every role and audited action has a label', () => {
		for (const role of ['owner', 'organizer', 'analyst', 'volunteer'])
			expect(enKeys).toContain(`roles.${role}`);
		for (const table of ['memberships', 'invitations']) {
			for (const op of ['insert', 'update', 'delete'])
				expect(enKeys).toContain(`audit.${table}.${op}`);
		}
	});
});
