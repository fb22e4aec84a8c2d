-- The bilingual demo community. `supabase db reset` loads this file; the app loads it into an
-- empty embedded database at first start (unless SEED_DEMO=false) and then adds a demo organizer
-- account as its owner.

insert into public.communities (id, slug, name, region, default_language, suppression_k)
values (
  '00000000-0000-4000-8000-000000000001',
  'vanier',
  '{"en": "Vanier Together", "fr": "Vanier ensemble"}',
  'Ottawa, Ontario',
  'fr',
  10
)
on conflict (id) do nothing;

-- The demo questionnaire, open: twelve questions of most types, a condition, and three
-- demographic questions in a section of their own.
insert into public.questionnaires (id, community_id, slug, title, intro, status)
values (
  '00000000-0000-4000-8000-000000000100',
  '00000000-0000-4000-8000-000000000001',
  'vanier-2026',
  '{"en": "Vanier 2026: have your say", "fr": "Vanier 2026 : donnez votre avis"}',
  '{"en": "Ten minutes to tell us what would make Vanier a better place to live. Your answers are anonymous.", "fr": "Dix minutes pour nous dire ce qui rendrait Vanier plus agréable à vivre. Vos réponses sont anonymes."}',
  'open'
)
on conflict (id) do nothing;

insert into public.questionnaire_sections (id, questionnaire_id, position, title) values
  ('00000000-0000-4000-8000-000000000110', '00000000-0000-4000-8000-000000000100', 0,
   '{"en": "Your neighbourhood", "fr": "Votre quartier"}'),
  ('00000000-0000-4000-8000-000000000120', '00000000-0000-4000-8000-000000000100', 1,
   '{"en": "About you", "fr": "À propos de vous"}')
on conflict (id) do nothing;

insert into public.questions (id, questionnaire_id, section_id, position, type, prompt, required, config, condition) values
  ('00000000-0000-4000-8000-000000000111', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 0,
   'single_choice', '{"en": "How long have you lived in Vanier?", "fr": "Depuis combien de temps habitez-vous à Vanier ?"}', true,
   '{"options": [
      {"value": "under_1", "label": {"en": "Less than a year", "fr": "Moins d’un an"}},
      {"value": "1_5", "label": {"en": "1 to 5 years", "fr": "De 1 à 5 ans"}},
      {"value": "6_10", "label": {"en": "6 to 10 years", "fr": "De 6 à 10 ans"}},
      {"value": "over_10", "label": {"en": "More than 10 years", "fr": "Plus de 10 ans"}}]}', null),
  ('00000000-0000-4000-8000-000000000112', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 1,
   'agreement_scale', '{"en": "I feel safe walking in my neighbourhood at night.", "fr": "Je me sens en sécurité quand je marche dans mon quartier le soir."}', false,
   '{}', null),
  ('00000000-0000-4000-8000-000000000113', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 2,
   'rating', '{"en": "How easy is it to buy fresh, affordable food near home?", "fr": "Est-il facile d’acheter des aliments frais et abordables près de chez vous ?"}', false,
   '{"min": 0, "max": 10, "lowLabel": {"en": "Very hard", "fr": "Très difficile"}, "highLabel": {"en": "Very easy", "fr": "Très facile"}}', null),
  ('00000000-0000-4000-8000-000000000114', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 3,
   'multiple_choice', '{"en": "What should be improved first? Choose up to three.", "fr": "Que faudrait-il améliorer en premier ? Choisissez-en jusqu’à trois."}', false,
   '{"maxSelections": 3, "allowOther": true, "options": [
      {"value": "housing", "label": {"en": "Affordable housing", "fr": "Logement abordable"}},
      {"value": "safety", "label": {"en": "Safety", "fr": "Sécurité"}},
      {"value": "food", "label": {"en": "Access to food", "fr": "Accès à l’alimentation"}},
      {"value": "parks", "label": {"en": "Parks and green space", "fr": "Parcs et espaces verts"}},
      {"value": "transit", "label": {"en": "Public transit", "fr": "Transport en commun"}},
      {"value": "youth", "label": {"en": "Programs for youth", "fr": "Programmes pour les jeunes"}}]}', null),
  ('00000000-0000-4000-8000-000000000115', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 4,
   'ranking', '{"en": "Rank your top three priorities for the next five years.", "fr": "Classez vos trois grandes priorités pour les cinq prochaines années."}', false,
   '{"top": 3, "options": [
      {"value": "housing", "label": {"en": "Housing", "fr": "Logement"}},
      {"value": "safety", "label": {"en": "Safety", "fr": "Sécurité"}},
      {"value": "green", "label": {"en": "Green space", "fr": "Espaces verts"}},
      {"value": "transit", "label": {"en": "Transit", "fr": "Transport"}},
      {"value": "jobs", "label": {"en": "Local jobs", "fr": "Emplois locaux"}}]}', null),
  ('00000000-0000-4000-8000-000000000116', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 5,
   'yes_no', '{"en": "Have you taken part in a community activity this year?", "fr": "Avez-vous participé à une activité communautaire cette année ?"}', false,
   '{}', null),
  ('00000000-0000-4000-8000-000000000117', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 6,
   'short_text', '{"en": "Which activity?", "fr": "Laquelle ?"}', false,
   '{"maxLength": 200}', '{"questionId": "00000000-0000-4000-8000-000000000116", "operator": "equals", "value": "yes"}'),
  ('00000000-0000-4000-8000-000000000118', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 7,
   'number', '{"en": "How many people live in your household?", "fr": "Combien de personnes vivent dans votre ménage ?"}', false,
   '{"min": 1, "max": 20, "integer": true}', null),
  ('00000000-0000-4000-8000-000000000119', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000110', 8,
   'long_text', '{"en": "What one change would make the biggest difference to your life here?", "fr": "Quel changement ferait la plus grande différence dans votre vie ici ?"}', false,
   '{"maxLength": 5000}', null),
  ('00000000-0000-4000-8000-000000000121', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000120', 0,
   'demographic', '{"en": "What is your age?", "fr": "Quel est votre âge ?"}', false,
   '{"dimension": "age_group"}', null),
  ('00000000-0000-4000-8000-000000000122', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000120', 1,
   'demographic', '{"en": "Which official language did you learn first and still understand?", "fr": "Quelle langue officielle avez-vous apprise en premier et comprenez-vous encore ?"}', false,
   '{"dimension": "first_official_language"}', null),
  ('00000000-0000-4000-8000-000000000123', '00000000-0000-4000-8000-000000000100', '00000000-0000-4000-8000-000000000120', 2,
   'demographic', '{"en": "Do you own or rent your home?", "fr": "Êtes-vous propriétaire ou locataire de votre logement ?"}', false,
   '{"dimension": "housing_tenure"}', null)
on conflict (id) do nothing;
