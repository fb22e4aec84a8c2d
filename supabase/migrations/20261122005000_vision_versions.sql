-- The shared vision: a bilingual statement and goals, each goal naming the priority areas it
-- answers. Every save is a new, numbered version; versions are never changed or deleted (no
-- update or delete grant), so any two can be compared and what was published stays as it was.
-- Publishing a version adds a row to vision_publications; the newest publication is the vision
-- residents see, and its endorsement round is open until the team closes it.

create table public.vision_versions (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  number integer not null check (number > 0),
  statement jsonb not null
    check (jsonb_typeof(statement -> 'en') = 'string' and jsonb_typeof(statement -> 'fr') = 'string'),
  -- [{ "key": "g1", "text": { "en", "fr" }, "areas": [priority area ids] }], checked by the
  -- server's zod schema; keys stay the same from version to version so goals can be compared
  goals jsonb not null default '[]' check (jsonb_typeof(goals) = 'array' and jsonb_array_length(goals) <= 20),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (community_id, number),
  unique (community_id, id)
);
alter table public.vision_versions enable row level security;

create table public.vision_publications (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  version_id uuid not null,
  published_by uuid references public.profiles (id) on delete set null,
  published_at timestamptz not null default now(),
  -- null while residents may endorse or comment
  endorsement_closed_at timestamptz,
  foreign key (community_id, version_id) references public.vision_versions (community_id, id) on delete cascade
);
create index vision_publications_community_idx on public.vision_publications (community_id, published_at desc);
alter table public.vision_publications enable row level security;

revoke all on public.vision_versions, public.vision_publications from anon, authenticated;
grant select on public.vision_versions, public.vision_publications to anon;
grant select, insert on public.vision_versions to authenticated;
grant select, insert on public.vision_publications to authenticated;
grant update (endorsement_closed_at) on public.vision_publications to authenticated;
grant all on public.vision_versions, public.vision_publications to service_role;

create policy "Members can read their community's vision versions"
  on public.vision_versions for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Anyone can read a published vision version"
  on public.vision_versions for select to anon, authenticated
  using (exists (select 1 from public.vision_publications p where p.version_id = vision_versions.id));
create policy "Owners and organizers can save vision versions"
  on public.vision_versions for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer}'))
    and created_by = (select auth.uid())
  );

create policy "Anyone can read vision publications"
  on public.vision_publications for select to anon, authenticated
  using (true);
create policy "Owners and organizers can publish a vision version"
  on public.vision_publications for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer}'))
    and published_by = (select auth.uid())
    and endorsement_closed_at is null
  );
create policy "Owners and organizers can close an endorsement round"
  on public.vision_publications for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

-- The public vision and community pages name the community.
create policy "Anyone can read a community with a published vision"
  on public.communities for select to anon, authenticated
  using (exists (select 1 from public.vision_publications p where p.community_id = communities.id));
