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
