-- Population baselines: what the community's population looks like on each demographic
-- dimension, so that participants can be compared with it (representation) and results weighted
-- to it. One row per community and dimension; a new import or a manual entry replaces it.
-- Written by the census import (source 'census_profile') or typed in by the team ('manual',
-- for dimensions the census lacks: disability, area of residence; or to correct one).

create table public.population_baselines (
  community_id uuid not null references public.communities (id) on delete cascade,
  -- a DemographicDimension key of src/lib/domain/questionnaires/demographics.ts
  dimension text not null check (dimension ~ '^[a-z_]{1,40}$'),
  -- {"<option value>": population (number >= 0)}: the dimension's standard option values
  -- (area_of_residence: the organizer's own option values); never prefer_not_to_say.
  -- A missing key means unknown (suppressed in the census: 'x', '..', 'F'), never zero.
  counts jsonb not null check (jsonb_typeof(counts) = 'object' and not counts ? 'prefer_not_to_say'),
  source text not null check (source in ('census_profile', 'manual')),
  -- e.g. 'Statistics Canada, 2021 Census Profile, 98-401-X2021006'
  source_label text check (length(source_label) <= 300),
  year int check (year between 1800 and 2200),
  -- [{ "code": "35061234", "name": "..." }]: the geographies summed into these counts
  geography jsonb not null default '[]' check (jsonb_typeof(geography) = 'array'),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (community_id, dimension)
);
alter table public.population_baselines enable row level security;

revoke all on public.population_baselines from anon, authenticated;
grant select, insert, update, delete on public.population_baselines to authenticated;
grant all on public.population_baselines to service_role;

create policy "Owners, organizers and analysts can read their community's baselines"
  on public.population_baselines for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners and organizers can add baselines"
  on public.population_baselines for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners and organizers can change baselines"
  on public.population_baselines for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners and organizers can delete baselines"
  on public.population_baselines for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));
