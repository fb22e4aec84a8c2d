import { expect, test, type Page } from '@playwright/test';
import {
	demoCommunity,
	expectNoAxeViolations,
	type Lang,
	langs,
	newVisitor,
	otherLang,
	paths,
	signIn,
	t,
	unique
} from './helpers';

const exact = { exact: true };

/** The wording of the questionnaire built here, in both languages. */
const wording = {
	title: { en: 'Getting around', fr: 'Se déplacer' },
	section: { en: 'Travel', fr: 'Déplacements' },
	transport: { en: 'How do you get to work?', fr: 'Comment allez-vous au travail ?' },
	bus: { en: 'Bus', fr: 'Autobus' },
	car: { en: 'Car', fr: 'Auto' },
	owner: { en: 'Do you own a car?', fr: 'Avez-vous une auto ?' }
};

const sectionName = (lang: Lang, number: number) => t(lang, 'builder.item_section', { number });
const questionItem = (lang: Lang, number: number, section = 1) =>
	t(lang, 'builder.item_question', { number, section });
/** A per-item button: what it says, then which item, as screen readers hear it. */
const itemButton = (page: Page, lang: Lang, key: string, item: string) =>
	page.getByRole('button', {
		name: t(lang, 'builder.item_action', { action: t(lang, key), item }),
		exact: true
	});

async function publish(page: Page, lang: Lang) {
	await page
		.getByRole('region', { name: t(lang, 'builder.state.title') })
		.getByRole('button', { name: t(lang, 'builder.state.publish') })
		.click();
}

/** From the editor, adds a question of a type to section 1 and lands on its editor. */
async function addQuestion(page: Page, lang: Lang, type: string) {
	await page
		.getByLabel(t(lang, 'builder.question_type', { number: 1 }))
		.selectOption({ label: t(lang, `questionnaire.types.${type}`) });
	await page
		.getByRole('button', {
			name: t(lang, 'builder.item_action', {
				action: t(lang, 'builder.add_question'),
				item: sectionName(lang, 1)
			})
		})
		.click();
	await expect(page).toHaveURL(/\/questions\/[0-9a-f-]{36}$/);
}

async function fillOption(
	page: Page,
	lang: Lang,
	number: number,
	label: { en: string; fr: string }
) {
	const row = page.getByRole('group', {
		name: t(lang, 'builder.question_editor.option', { number }),
		exact: true
	});
	await row.getByLabel(t(lang, 'builder.question_editor.label_en')).fill(label.en);
	await row.getByLabel(t(lang, 'builder.question_editor.label_fr')).fill(label.fr);
}

async function saveQuestion(page: Page, lang: Lang) {
	await page.getByRole('button', { name: t(lang, 'builder.question_editor.save') }).click();
	await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.question'));
}

for (const lang of langs) {
	test.describe(`in ${lang}`, () => {
		test('an organizer builds a bilingual questionnaire, fixes what publishing asks, and publishes it', async ({
			page
		}) => {
			test.setTimeout(180_000);
			await signIn(page, lang);
			await page.goto(paths.community(lang, demoCommunity.slug));
			await page.getByRole('link', { name: t(lang, 'builder.title') }).click();
			await expect(page).toHaveURL(paths.questionnaires(lang, demoCommunity.slug));
			await expect(
				page.getByRole('heading', { level: 1, name: t(lang, 'builder.title') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// A missing title is refused, and what was typed is kept.
			const slug = unique('e2e-q');
			const create = page.getByRole('form', { name: t(lang, 'builder.create_title') });
			await create.getByLabel(t(lang, 'builder.slug'), exact).fill(slug);
			await create.getByRole('button', { name: t(lang, 'builder.create') }).click();
			const titleEn = create.getByLabel(t(lang, 'builder.title_en'), exact);
			await expect(titleEn).toHaveAttribute('aria-invalid', 'true');
			await expect(titleEn).toHaveAccessibleDescription(t(lang, 'builder.errors.title_required'));
			await expect(create.getByLabel(t(lang, 'builder.slug'), exact)).toHaveValue(slug);
			await expectNoAxeViolations(page);

			await titleEn.fill(wording.title.en);
			await create.getByLabel(t(lang, 'builder.title_fr'), exact).fill(wording.title.fr);
			await create.getByRole('button', { name: t(lang, 'builder.create') }).click();
			await expect(page).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}$/);
			const editor = page.url();
			await expect(
				page.getByRole('heading', { level: 1, name: wording.title[lang] })
			).toBeVisible();
			await expect(page.getByText(t(lang, 'builder.state.draft_note'))).toBeVisible();
			await expectNoAxeViolations(page);

			// Publishing an empty draft is refused, naming each problem where it is.
			await publish(page, lang);
			const problems = page.getByRole('region', { name: t(lang, 'builder.state.title') });
			await expect(problems.getByText(t(lang, 'builder.state.problems_title'))).toBeVisible();
			const sectionTitle = `${t(lang, 'questionnaire.publish.section', { number: 1 })} › ${t(lang, 'questionnaire.publish.title')}`;
			await expect(problems.getByRole('listitem').filter({ hasText: sectionTitle })).toHaveText([
				`${sectionTitle}${t(lang, 'builder.colon')}${t(lang, 'questionnaire_errors.translation_missing_en')}`,
				`${sectionTitle}${t(lang, 'builder.colon')}${t(lang, 'questionnaire_errors.translation_missing_fr')}`
			]);
			await expectNoAxeViolations(page);

			// The section gets its title in both languages.
			const sectionForm = page.getByRole('form', {
				name: t(lang, 'builder.edit_section', { number: 1 })
			});
			await sectionForm.getByLabel(t(lang, 'builder.section_title_en')).fill(wording.section.en);
			await sectionForm.getByLabel(t(lang, 'builder.section_title_fr')).fill(wording.section.fr);
			await sectionForm.getByRole('button', { name: t(lang, 'builder.save_section') }).click();
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.update_section'));
			const section = page.getByRole('region', {
				name: t(lang, 'builder.section_heading', { number: 1, title: wording.section[lang] })
			});
			await expect(section).toBeVisible();

			// A choice question, with its French option left out for now.
			await addQuestion(page, lang, 'single_choice');
			await expect(
				page.getByRole('heading', {
					level: 1,
					name: t(lang, 'builder.question_editor.title', { number: 1, section: 1 })
				})
			).toBeVisible();
			await expectNoAxeViolations(page);
			await page
				.getByLabel(t(lang, 'builder.question_editor.prompt_en'))
				.fill(wording.transport.en);
			await page
				.getByLabel(t(lang, 'builder.question_editor.prompt_fr'))
				.fill(wording.transport.fr);
			await page.getByLabel(t(lang, 'builder.question_editor.required')).check();
			await fillOption(page, lang, 1, wording.bus);
			await fillOption(page, lang, 2, { en: wording.car.en, fr: '' });
			await saveQuestion(page, lang);
			const first = section.getByRole('listitem').filter({ hasText: wording.transport[lang] });
			await expect(first).toContainText(t(lang, 'questionnaire.types.single_choice'));
			await expect(first).toContainText(t(lang, 'questionnaire.required'));

			// A yes/no question shown only to those who go by car.
			await addQuestion(page, lang, 'yes_no');
			await page.getByLabel(t(lang, 'builder.question_editor.prompt_en')).fill(wording.owner.en);
			await page.getByLabel(t(lang, 'builder.question_editor.prompt_fr')).fill(wording.owner.fr);
			const target = `${t(lang, 'questionnaire.publish.section', { number: 1 })} › ${t(lang, 'questionnaire.publish.question', { number: 1 })} (${t(lang, 'builder.quoted', { text: wording.transport[lang] })})`;
			await page.getByLabel(t(lang, 'builder.condition.question')).selectOption({ label: target });
			await page
				.getByLabel(t(lang, 'builder.condition.operator'))
				.selectOption({ label: t(lang, 'builder.operator_names.equals') });
			// The label is understood as well as the option's key.
			await page.getByLabel(t(lang, 'builder.condition.value'), exact).fill(wording.car.en);
			await expectNoAxeViolations(page);
			await saveQuestion(page, lang);
			const second = section.getByRole('listitem').filter({ hasText: wording.owner[lang] });
			await expect(second).toContainText(
				t(lang, 'builder.condition.summary', {
					question: target,
					test: t(lang, 'builder.operators.equals', {
						// the French label is not written yet: the English one stands in
						value: t(lang, 'builder.quoted', { text: wording.car.en })
					})
				})
			);
			await expectNoAxeViolations(page);

			// The dependent question cannot move above the one it depends on.
			await itemButton(page, lang, 'builder.move_up', questionItem(lang, 2)).click();
			await expect(page.getByRole('alert')).toContainText(
				t(lang, 'builder.errors.move_breaks_condition')
			);
			// A copy lands right after the original; it can be moved and deleted.
			await itemButton(page, lang, 'builder.duplicate', questionItem(lang, 1)).click();
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.duplicate'));
			await expect(section.getByRole('listitem')).toHaveCount(3);
			await itemButton(page, lang, 'builder.move_down', questionItem(lang, 2)).click();
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.move'));
			await expect(section.getByRole('listitem').nth(1)).toContainText(wording.owner[lang]);
			await itemButton(page, lang, 'builder.delete', questionItem(lang, 3)).click();
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.delete'));
			await expect(section.getByRole('listitem')).toHaveCount(2);

			// Publishing names the missing French option and links to it.
			await publish(page, lang);
			const option = `${t(lang, 'questionnaire.publish.section', { number: 1 })} › ${t(lang, 'questionnaire.publish.question', { number: 1 })} › ${t(lang, 'questionnaire.publish.option', { label: wording.car.en })}`;
			await expect(problems.getByRole('listitem')).toHaveText([
				`${option}${t(lang, 'builder.colon')}${t(lang, 'questionnaire_errors.translation_missing_fr')}`
			]);
			await expectNoAxeViolations(page);
			await problems.getByRole('link', { name: option }).click();
			await expect(page).toHaveURL(/\/questions\/[0-9a-f-]{36}#options\.1\.label\.fr$/);
			await fillOption(page, lang, 2, wording.car);
			await saveQuestion(page, lang);

			await publish(page, lang);
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.publish'));
			await expect(page.getByText(t(lang, 'builder.state.taking_answers'))).toBeVisible();
			await expect(
				page
					.getByRole('region', { name: t(lang, 'builder.state.title') })
					.getByRole('button', { name: t(lang, 'builder.state.close') })
			).toBeVisible();
			await expectNoAxeViolations(page);

			// The preview shows it as residents will read it, in either language.
			await page.getByRole('link', { name: t(lang, 'builder.preview.link'), exact: true }).click();
			const other = otherLang(lang);
			await expect(
				page.getByRole('heading', { level: 2, name: wording.title[lang] })
			).toBeVisible();
			await expect(
				page.getByRole('heading', { level: 4, name: wording.transport[lang] })
			).toBeVisible();
			await expect(page.getByText(wording.bus[lang], exact)).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: t(lang, `builder.preview.switch.${other}`) }).click();
			await expect(
				page.getByRole('heading', { level: 2, name: wording.title[other] })
			).toBeVisible();
			await expect(
				page.getByRole('heading', { level: 4, name: wording.owner[other] })
			).toBeVisible();
			await expect(page.getByText(t(other, 'questionnaire.yes'), exact)).toBeVisible();
			await expectNoAxeViolations(page);

			// The questionnaire is listed as open.
			await page.goto(paths.questionnaires(lang, demoCommunity.slug));
			await expect(
				page
					.getByRole('listitem')
					.filter({ hasText: wording.title[lang] })
					.filter({
						has: page.locator(`a[href="${new URL(editor).pathname}"]`)
					})
			).toContainText(t(lang, 'builder.status.open'));
		});

		test('more blank option rows appear on request', { tag: '@js' }, async ({ page }) => {
			await signIn(page, lang);
			await page.goto(paths.questionnaires(lang, demoCommunity.slug));
			const create = page.getByRole('form', { name: t(lang, 'builder.create_title') });
			await create.getByLabel(t(lang, 'builder.title_en'), exact).fill(wording.title.en);
			await create.getByLabel(t(lang, 'builder.slug'), exact).fill(unique('e2e-rows'));
			await create.getByRole('button', { name: t(lang, 'builder.create') }).click();
			await expect(page).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}$/);
			await addQuestion(page, lang, 'multiple_choice');

			const row = (number: number) =>
				page.getByRole('group', {
					name: t(lang, 'builder.question_editor.option', { number }),
					exact: true
				});
			await expect(row(3)).toBeVisible();
			await expect(row(4)).toHaveCount(0);
			await page.getByRole('button', { name: t(lang, 'builder.question_editor.add_row') }).click();
			await expect(row(4)).toBeVisible();
			await expectNoAxeViolations(page);

			await page
				.getByLabel(t(lang, 'builder.question_editor.prompt_en'))
				.fill(wording.transport.en);
			for (const [number, label] of [
				[1, wording.bus],
				[4, wording.car]
			] as const)
				await fillOption(page, lang, number, label);
			const question = page.url();
			await saveQuestion(page, lang);
			await page.goto(question);
			await expect(row(1).getByLabel(t(lang, 'builder.question_editor.label_en'))).toHaveValue(
				wording.bus.en
			);
			await expect(row(2).getByLabel(t(lang, 'builder.question_editor.label_fr'))).toHaveValue(
				wording.car.fr
			);
			// two saved options, then three blank rows
			await expect(row(5)).toBeVisible();
			await expect(row(6)).toHaveCount(0);
		});
	});
}

test.describe('issue #3: option order, address, contact details', () => {
	test(
		'an organizer moves options and changes a draft’s address',
		{ tag: '@js' },
		async ({ page }) => {
			const lang: Lang = 'fr';
			await signIn(page, lang);
			await page.goto(paths.questionnaires(lang, demoCommunity.slug));
			const create = page.getByRole('form', { name: t(lang, 'builder.create_title') });
			await create.getByLabel(t(lang, 'builder.title_en'), exact).fill(wording.title.en);
			await create.getByLabel(t(lang, 'builder.slug'), exact).fill(unique('e2e-addr'));
			await create.getByRole('button', { name: t(lang, 'builder.create') }).click();
			await expect(page).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}$/);

			// A web name another questionnaire has is refused with its reason; a free one is taken.
			const status = page.getByRole('region', { name: t(lang, 'builder.state.title') });
			const address = status.getByLabel(t(lang, 'builder.slug'), exact);
			await address.fill('vanier-2026');
			await status.getByRole('button', { name: t(lang, 'questionnaire_address.save') }).click();
			await expect(address).toHaveAccessibleDescription(
				`${t(lang, 'questionnaire_address.hint')} ${t(lang, 'builder.errors.slug_taken')}`
			);
			await expectNoAxeViolations(page);
			const renamed = unique('e2e-renamed');
			await address.fill(renamed);
			await status.getByRole('button', { name: t(lang, 'questionnaire_address.save') }).click();
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.slug'));
			await expect(status).toContainText(paths.survey(lang, renamed));

			// Options move down and up; the order is saved at once.
			await addQuestion(page, lang, 'single_choice');
			await page
				.getByLabel(t(lang, 'builder.question_editor.prompt_en'))
				.fill(wording.transport.en);
			await fillOption(page, lang, 1, wording.bus);
			await fillOption(page, lang, 2, wording.car);
			// saved options can move (blank rows, offered for additions, cannot)
			const editorUrl = page.url();
			await saveQuestion(page, lang);
			await page.goto(editorUrl);
			const option = (number: number) => t(lang, 'option_order.item', { number });
			await itemButton(page, lang, 'builder.move_down', option(1)).click();
			await expect(page.getByRole('status')).toContainText(
				t(lang, 'option_order.moved', { position: 2 })
			);
			const row = (number: number) =>
				page.getByRole('group', {
					name: t(lang, 'builder.question_editor.option', { number }),
					exact: true
				});
			await expect(row(1).getByLabel(t(lang, 'builder.question_editor.label_en'))).toHaveValue(
				wording.car.en
			);
			await expect(row(2).getByLabel(t(lang, 'builder.question_editor.label_fr'))).toHaveValue(
				wording.bus.fr
			);
			// the first option cannot move up, the last cannot move down
			await expect(itemButton(page, lang, 'builder.move_up', option(1))).toHaveCount(0);
			await expect(itemButton(page, lang, 'builder.move_down', option(2))).toHaveCount(0);
			await expectNoAxeViolations(page);
		}
	);

	test('a resident leaves contact details that only the owners see, never in the results export', async ({
		page,
		browser
	}) => {
		// with JavaScript in English, without it in French
		const lang: Lang = test.info().project.use.javaScriptEnabled === false ? 'fr' : 'en';
		const DEMO = '00000000-0000-4000-8000-000000000100';
		const editor = paths.questionnaire(lang, demoCommunity.slug, DEMO);
		const offer = async (on: boolean) => {
			await page.goto(editor);
			const box = page.getByLabel(t(lang, 'contact_details.setting'));
			if (on) await box.check();
			else await box.uncheck();
			await page.getByRole('button', { name: t(lang, 'builder.settings.save') }).click();
			await expect(page.getByRole('status')).toContainText(t(lang, 'builder.done.settings'));
		};
		await signIn(page, lang);
		await offer(true);
		try {
			const { context, page: resident } = await newVisitor(browser);
			const email = `${unique('resident')}@example.org`;
			await resident.goto(paths.survey(lang, 'vanier-2026'));
			const words =
				lang === 'en'
					? {
							lived: /How long have you lived in Vanier/,
							activity: /taken part in a community activity/,
							less: 'Less than a year',
							age: /What is your age/,
							age25: '25 to 34'
						}
					: {
							lived: /habitez-vous à Vanier/,
							activity: /participé à une activité communautaire/,
							less: 'Moins d’un an',
							age: /Quel est votre âge/,
							age25: '25 à 34 ans'
						};
			await resident
				.getByRole('group', { name: words.lived })
				.getByRole('radio', { name: words.less })
				.check();
			await resident
				.getByRole('group', { name: words.activity })
				.getByRole('radio', { name: t(lang, 'questionnaire.no') })
				.check();
			await resident.getByRole('button', { name: t(lang, 'survey.next'), exact: true }).click();
			const contact = resident.getByRole('group', { name: t(lang, 'contact_details.legend') });
			await expect(contact).toBeVisible();
			await resident
				.getByRole('group', { name: words.age })
				.getByRole('radio', { name: words.age25 })
				.check();
			await contact.getByLabel(t(lang, 'contact_details.email')).fill(email);
			const send = resident.getByRole('button', { name: t(lang, 'survey.send'), exact: true });
			await send.click();
			// no consent: refused, with what was typed kept
			await expect(resident.getByRole('alert')).toContainText(
				t(lang, 'contact_details.errors.consent')
			);
			await expect(contact.getByLabel(t(lang, 'contact_details.email'))).toHaveValue(email);
			await expectNoAxeViolations(resident);
			await contact.getByLabel(t(lang, 'contact_details.consent')).check();
			await send.click();
			await expect(
				resident.getByRole('heading', { name: t(lang, 'survey.thanks_title') })
			).toBeVisible();
			await context.close();

			// The owner sees it on its own page, and in its own CSV; the results export lacks it.
			await page.goto(editor);
			await page.getByRole('link', { name: t(lang, 'contact_details.list_link') }).click();
			await expect(page.getByRole('table')).toContainText(email);
			await expectNoAxeViolations(page);
			const contacts = await page.request.get(
				paths.questionnaireContactsExport(lang, demoCommunity.slug, DEMO)
			);
			expect(await contacts.text()).toContain(email);
			const results = await page.request.get(
				paths.questionnaireExport(lang, demoCommunity.slug, DEMO, '?demographics=1')
			);
			expect([200, 403]).toContain(results.status());
			expect(await results.text()).not.toContain(email);
		} finally {
			await offer(false);
		}
	});
});
