-- Questionnaires: bilingual sections of questions of a closed list of types. The enum matches
-- questionTypes in src/lib/domain/questionnaires/question-types.ts; each question's
-- type-specific settings (options, bounds, dimension) are in `config`, validated by the same
-- zod discriminated union before they are stored.

create type public.question_type as enum (
  'single_choice', 'multiple_choice', 'agreement_scale', 'rating', 'ranking', 'yes_no',
  'number', 'short_text', 'long_text', 'consent', 'demographic'
);
create type public.questionnaire_status as enum ('draft', 'open', 'closed');

create table public.questionnaires (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  -- residents reach it at /<lang>/s/<slug>
  slug text not null unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 60),
  title jsonb not null check (jsonb_typeof(title -> 'en') = 'string' and jsonb_typeof(title -> 'fr') = 'string'),
  intro jsonb not null default '{"en": "", "fr": ""}',
  status public.questionnaire_status not null default 'draft',
  opens_at timestamptz,
  closes_at timestamptz check (closes_at is null or opens_at is null or closes_at > opens_at),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index questionnaires_community_id_idx on public.questionnaires (community_id);
alter table public.questionnaires enable row level security;

create table public.questionnaire_sections (
  id uuid primary key default gen_random_uuid(),
  questionnaire_id uuid not null references public.questionnaires (id) on delete cascade,
  position integer not null,
  title jsonb not null default '{"en": "", "fr": ""}',
  -- { questionId, operator, value }: shown only when an earlier answer matches
  condition jsonb
);
create index questionnaire_sections_questionnaire_idx on public.questionnaire_sections (questionnaire_id, position);
alter table public.questionnaire_sections enable row level security;

create table public.questions (
  id uuid primary key default gen_random_uuid(),
  questionnaire_id uuid not null references public.questionnaires (id) on delete cascade,
  section_id uuid not null references public.questionnaire_sections (id) on delete cascade,
  position integer not null,
  type public.question_type not null,
  prompt jsonb not null,
  help jsonb,
  required boolean not null default false,
  config jsonb not null default '{}',
  condition jsonb
);
create index questions_section_idx on public.questions (section_id, position);
create index questions_questionnaire_idx on public.questions (questionnaire_id);
alter table public.questions enable row level security;

-- Is this questionnaire taking answers now? Residents may read and answer only then.
create function public.questionnaire_is_open(target uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.questionnaires q
      where q.id = target and q.status = 'open'
        and (q.opens_at is null or q.opens_at <= now())
        and (q.closes_at is null or q.closes_at > now())
    )
  $$;

revoke all on public.questionnaires, public.questionnaire_sections, public.questions from anon, authenticated;
grant select on public.questionnaires, public.questionnaire_sections, public.questions to anon;
grant select, insert, update, delete on public.questionnaires, public.questionnaire_sections, public.questions to authenticated;
grant all on public.questionnaires, public.questionnaire_sections, public.questions to service_role;

create policy "Anyone can read a questionnaire that is open"
  on public.questionnaires for select to anon, authenticated
  using ((select public.questionnaire_is_open(id)));

create policy "Members can read their community's questionnaires"
  on public.questionnaires for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners and organizers can create questionnaires"
  on public.questionnaires for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners and organizers can edit questionnaires"
  on public.questionnaires for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners and organizers can delete questionnaires"
  on public.questionnaires for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

-- Sections and questions follow their questionnaire.
create function public.questionnaire_role(target uuid, allowed public.community_role[] default null)
  returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.questionnaires q
      where q.id = target and public.has_community_role(q.community_id, allowed)
    )
  $$;

create policy "Anyone can read the sections of an open questionnaire"
  on public.questionnaire_sections for select to anon, authenticated
  using ((select public.questionnaire_is_open(questionnaire_id)));
create policy "Members can read their questionnaires' sections"
  on public.questionnaire_sections for select to authenticated
  using ((select public.questionnaire_role(questionnaire_id)));
create policy "Owners and organizers can change sections"
  on public.questionnaire_sections for all to authenticated
  using ((select public.questionnaire_role(questionnaire_id, '{owner,organizer}')))
  with check ((select public.questionnaire_role(questionnaire_id, '{owner,organizer}')));

create policy "Anyone can read the questions of an open questionnaire"
  on public.questions for select to anon, authenticated
  using ((select public.questionnaire_is_open(questionnaire_id)));
create policy "Members can read their questionnaires' questions"
  on public.questions for select to authenticated
  using ((select public.questionnaire_role(questionnaire_id)));
create policy "Owners and organizers can change questions"
  on public.questions for all to authenticated
  using ((select public.questionnaire_role(questionnaire_id, '{owner,organizer}')))
  with check ((select public.questionnaire_role(questionnaire_id, '{owner,organizer}')));

-- What a resident's page shows of the community behind an open questionnaire.
grant select (id, slug, name, default_language) on public.communities to anon;
create policy "Anyone can read a community with an open questionnaire"
  on public.communities for select to anon, authenticated
  using (exists (
    select 1 from public.questionnaires q
    where q.community_id = communities.id and (select public.questionnaire_is_open(q.id))
  ));
