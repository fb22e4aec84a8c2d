-- "You said, we did": bilingual progress updates, each answering a priority area. A draft is the
-- team's; once published (published_at set, with both languages filled in, checked by the
-- server and by the constraint below) anyone can read it.

create table public.progress_updates (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  area_id uuid not null,
  -- what residents said, and what was done about it
  you_said jsonb not null default '{"en": "", "fr": ""}'
    check (jsonb_typeof(you_said -> 'en') = 'string' and jsonb_typeof(you_said -> 'fr') = 'string'),
  we_did jsonb not null default '{"en": "", "fr": ""}'
    check (jsonb_typeof(we_did -> 'en') = 'string' and jsonb_typeof(we_did -> 'fr') = 'string'),
  published_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (community_id, area_id) references public.priority_areas (community_id, id) on delete cascade,
  constraint progress_updates_published_bilingual check (
    published_at is null or (
      btrim(you_said ->> 'en') <> '' and btrim(you_said ->> 'fr') <> ''
      and btrim(we_did ->> 'en') <> '' and btrim(we_did ->> 'fr') <> ''
    )
  )
);
create index progress_updates_community_idx on public.progress_updates (community_id, published_at desc);
alter table public.progress_updates enable row level security;

revoke all on public.progress_updates from anon, authenticated;
grant select on public.progress_updates to anon;
grant select, insert, update, delete on public.progress_updates to authenticated;
grant all on public.progress_updates to service_role;

create policy "Members can read their community's progress updates"
  on public.progress_updates for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Anyone can read published progress updates"
  on public.progress_updates for select to anon, authenticated
  using (published_at is not null);
create policy "Owners and organizers can write progress updates"
  on public.progress_updates for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can change progress updates"
  on public.progress_updates for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can delete progress updates"
  on public.progress_updates for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));
