-- Indicators of progress on a priority area: short, medium or long term, output (what the team
-- did) or outcome (what changed for residents), with a baseline, a target and values measured
-- over time. An indicator marked public, and its values, can be read by anyone: the public
-- community page shows them beside the "you said, we did" updates.

create type public.indicator_term as enum ('short', 'medium', 'long');
create type public.indicator_kind as enum ('output', 'outcome');

create table public.indicators (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  area_id uuid not null,
  name jsonb not null
    check (
      jsonb_typeof(name -> 'en') = 'string' and length(name ->> 'en') between 1 and 160
      and jsonb_typeof(name -> 'fr') = 'string' and length(name ->> 'fr') between 1 and 160
    ),
  unit text not null default '' check (length(unit) <= 40),
  term public.indicator_term not null,
  kind public.indicator_kind not null,
  baseline numeric not null,
  target numeric not null,
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  unique (community_id, id),
  foreign key (community_id, area_id) references public.priority_areas (community_id, id) on delete cascade
);
create index indicators_area_idx on public.indicators (community_id, area_id);
alter table public.indicators enable row level security;

create table public.indicator_values (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  indicator_id uuid not null,
  measured_on date not null,
  value numeric not null,
  note text not null default '' check (length(note) <= 500),
  created_at timestamptz not null default now(),
  foreign key (community_id, indicator_id) references public.indicators (community_id, id) on delete cascade
);
create index indicator_values_indicator_idx on public.indicator_values (indicator_id, measured_on);
alter table public.indicator_values enable row level security;

revoke all on public.indicators, public.indicator_values from anon, authenticated;
grant select on public.indicators, public.indicator_values to anon;
grant select, insert, update, delete on public.indicators, public.indicator_values to authenticated;
grant all on public.indicators, public.indicator_values to service_role;

create policy "Members can read their community's indicators"
  on public.indicators for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Anyone can read public indicators"
  on public.indicators for select to anon, authenticated
  using (is_public);
create policy "Owners, organizers and analysts can create indicators"
  on public.indicators for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
create policy "Owners, organizers and analysts can change indicators"
  on public.indicators for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
create policy "Owners, organizers and analysts can delete indicators"
  on public.indicators for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Members can read their community's indicator values"
  on public.indicator_values for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Anyone can read the values of public indicators"
  on public.indicator_values for select to anon, authenticated
  using (exists (
    select 1 from public.indicators i where i.id = indicator_values.indicator_id and i.is_public
  ));
create policy "Owners, organizers and analysts can record indicator values"
  on public.indicator_values for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
create policy "Owners, organizers and analysts can delete indicator values"
  on public.indicator_values for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
