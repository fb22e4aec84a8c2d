-- Acting on the priorities: an action team per priority area (partners from the seven sectors of
-- collective-impact practice, some with lived experience) and the team's actions. Both are the
-- team's working material, read by every member and never shown to residents.

create type public.partner_sector as enum (
  'non_profit', 'research', 'grassroots', 'private_sector', 'media', 'government', 'population_specific'
);
create type public.action_status as enum ('planned', 'in_progress', 'done', 'stalled');

create table public.action_team_members (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  area_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 120),
  organization text not null default '' check (length(organization) <= 160),
  sector public.partner_sector not null,
  -- a member who brings lived experience of the issue, whatever their sector
  lived_experience boolean not null default false,
  created_at timestamptz not null default now(),
  foreign key (community_id, area_id) references public.priority_areas (community_id, id) on delete cascade
);
create index action_team_members_area_idx on public.action_team_members (area_id, created_at);
alter table public.action_team_members enable row level security;

create table public.actions (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null,
  area_id uuid not null,
  title text not null check (length(btrim(title)) between 1 and 200),
  -- the person or partner answerable for it, as the team names them (not necessarily an account)
  owner text not null default '' check (length(owner) <= 120),
  status public.action_status not null default 'planned',
  due_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (community_id, area_id) references public.priority_areas (community_id, id) on delete cascade
);
create index actions_area_idx on public.actions (area_id, due_on);
alter table public.actions enable row level security;

revoke all on public.action_team_members, public.actions from anon, authenticated;
grant select, insert, update, delete on public.action_team_members, public.actions to authenticated;
grant all on public.action_team_members, public.actions to service_role;

create policy "Members can read their community's action teams"
  on public.action_team_members for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Owners and organizers can add action team members"
  on public.action_team_members for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can change action team members"
  on public.action_team_members for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can remove action team members"
  on public.action_team_members for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Members can read their community's actions"
  on public.actions for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Owners and organizers can add actions"
  on public.actions for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can change actions"
  on public.actions for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can delete actions"
  on public.actions for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));
