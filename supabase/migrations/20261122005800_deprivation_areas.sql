-- Choosing where to work happens before any community exists, so these rows cannot belong to a
-- community. They belong to the person who imported them (owner_id): their own workspace of
-- areas, readiness notes and choices. Nobody else reads them; the choice is shared by creating
-- a community from chosen areas, which records them in community_areas for its team.

create table public.deprivation_imports (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  file_name text not null default '' check (length(file_name) <= 255),
  -- the dimensions the file carries, in file order (keys of the domain's dimension list)
  dimensions text[] not null,
  -- true when the file had scores only and the quintiles were computed from them, within the file
  computed_quintiles boolean not null,
  created_at timestamptz not null default now(),
  unique (owner_id, id)
);
alter table public.deprivation_imports enable row level security;

create table public.deprivation_areas (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid(),
  import_id uuid not null,
  -- dissemination area code (PR + CD + DA)
  dauid text not null check (dauid ~ '^[0-9]{8}$'),
  province text not null default '' check (length(province) <= 60),
  region text not null default '' check (length(region) <= 120),
  population integer check (population >= 0),
  -- { dimension: score } and { dimension: quintile 1..5 }; 5 = most deprived
  scores jsonb not null default '{}' check (jsonb_typeof(scores) = 'object'),
  quintiles jsonb not null default '{}' check (jsonb_typeof(quintiles) = 'object'),
  readiness_note text not null default '' check (length(readiness_note) <= 2000),
  unique (import_id, dauid),
  foreign key (owner_id, import_id) references public.deprivation_imports (owner_id, id) on delete cascade
);
alter table public.deprivation_areas enable row level security;

-- The areas a community was created from: read by its team, kept when the import is deleted.
create table public.community_areas (
  community_id uuid not null references public.communities (id) on delete cascade,
  dauid text not null check (dauid ~ '^[0-9]{8}$'),
  province text not null default '',
  quintiles jsonb not null default '{}' check (jsonb_typeof(quintiles) = 'object'),
  readiness_note text not null default '',
  primary key (community_id, dauid)
);
alter table public.community_areas enable row level security;

revoke all on public.deprivation_imports, public.deprivation_areas, public.community_areas from anon, authenticated;
grant select, insert, delete on public.deprivation_imports to authenticated;
grant select, insert, delete on public.deprivation_areas to authenticated;
grant update (readiness_note) on public.deprivation_areas to authenticated;
grant select, insert on public.community_areas to authenticated;
grant all on public.deprivation_imports, public.deprivation_areas, public.community_areas to service_role;

create policy "People can read the deprivation files they imported"
  on public.deprivation_imports for select to authenticated
  using (owner_id = (select auth.uid()));
create policy "People can import deprivation files for themselves"
  on public.deprivation_imports for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy "People can delete the deprivation files they imported"
  on public.deprivation_imports for delete to authenticated
  using (owner_id = (select auth.uid()));

create policy "People can read the areas they imported"
  on public.deprivation_areas for select to authenticated
  using (owner_id = (select auth.uid()));
create policy "People can import areas for themselves"
  on public.deprivation_areas for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy "People can note readiness on the areas they imported"
  on public.deprivation_areas for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));
create policy "People can delete the areas they imported"
  on public.deprivation_areas for delete to authenticated
  using (owner_id = (select auth.uid()));

create policy "Members can read the areas their community was created from"
  on public.community_areas for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Owners can record the areas of their community"
  on public.community_areas for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner}')));
