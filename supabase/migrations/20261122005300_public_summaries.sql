-- What the public community page shows of what was heard: participation, representation,
-- priorities and vote results, counted by the team's own queries and suppressed at the
-- community's k when an owner or organizer publishes it, then stored as it was published.
-- Residents read only this snapshot, never the rows behind it; the newest row is shown.

create table public.public_summaries (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  summary jsonb not null check (jsonb_typeof(summary) = 'object'),
  published_by uuid references public.profiles (id) on delete set null,
  published_at timestamptz not null default now()
);
create index public_summaries_community_idx on public.public_summaries (community_id, published_at desc);
alter table public.public_summaries enable row level security;

revoke all on public.public_summaries from anon, authenticated;
grant select on public.public_summaries to anon;
grant select, insert on public.public_summaries to authenticated;
grant all on public.public_summaries to service_role;

create policy "Anyone can read published summaries"
  on public.public_summaries for select to anon, authenticated
  using (true);
create policy "Owners and organizers can publish a summary"
  on public.public_summaries for insert to authenticated
  with check (
    (select public.has_community_role(community_id, '{owner,organizer}'))
    and published_by = (select auth.uid())
  );

create policy "Anyone can read a community with a published summary"
  on public.communities for select to anon, authenticated
  using (exists (select 1 from public.public_summaries s where s.community_id = communities.id));
