-- Candidate priority areas: bilingual groupings of codebook themes. Their evidence (mentions,
-- participants, quotes) is computed from the codings of their themes, never stored, so every
-- number can be traced back to coded items. Priority votes name these areas as options.

create table public.priority_areas (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  name jsonb not null
    check (
      jsonb_typeof(name -> 'en') = 'string' and length(name ->> 'en') between 1 and 120
      and jsonb_typeof(name -> 'fr') = 'string' and length(name ->> 'fr') between 1 and 120
    ),
  description jsonb not null default '{"en": "", "fr": ""}'
    check (jsonb_typeof(description -> 'en') = 'string' and jsonb_typeof(description -> 'fr') = 'string'),
  position integer not null default 0,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (community_id, id)
);
create index priority_areas_community_idx on public.priority_areas (community_id, position);
alter table public.priority_areas enable row level security;

-- Which themes make up an area; a theme may support more than one area. The composite keys keep
-- an area and its themes in the same community.
create table public.priority_area_themes (
  community_id uuid not null,
  area_id uuid not null,
  theme_id uuid not null,
  primary key (area_id, theme_id),
  foreign key (community_id, area_id) references public.priority_areas (community_id, id) on delete cascade,
  foreign key (community_id, theme_id) references public.themes (community_id, id) on delete cascade
);
create index priority_area_themes_theme_idx on public.priority_area_themes (theme_id);
alter table public.priority_area_themes enable row level security;

revoke all on public.priority_areas, public.priority_area_themes from anon, authenticated;
grant select, insert, update, delete on public.priority_areas to authenticated;
grant select, insert, delete on public.priority_area_themes to authenticated;
grant all on public.priority_areas, public.priority_area_themes to service_role;

create policy "Members can read their community's priority areas"
  on public.priority_areas for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners, organizers and analysts can create priority areas"
  on public.priority_areas for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can edit priority areas"
  on public.priority_areas for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can delete priority areas"
  on public.priority_areas for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Members can read which themes make up an area"
  on public.priority_area_themes for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners, organizers and analysts can add themes to an area"
  on public.priority_area_themes for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners, organizers and analysts can remove themes from an area"
  on public.priority_area_themes for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
