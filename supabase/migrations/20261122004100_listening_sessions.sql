-- Session records: one focus group, interview, meeting or observation, with an attendee tally by
-- demographic group taken as on a paper sign-in sheet (counts only, never names).
--
-- Roles: every team member reads session records (a volunteer taking notes must find the
-- session); owners, organizers and volunteers create and edit them, since volunteers often run
-- the sign-in table; only owners and organizers delete one, as that deletes its notes too.

create type public.listening_session_kind as enum ('focus_group', 'interview', 'meeting', 'observation');

create table public.listening_sessions (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  kind public.listening_session_kind not null,
  held_on date not null,
  place text not null default '' check (length(place) <= 200),
  language public.content_language not null,
  -- a team member, or a name typed in (a partner's facilitator), never both
  facilitator_id uuid references public.profiles (id) on delete set null,
  facilitator_name text not null default '' check (length(facilitator_name) <= 120),
  attendees integer not null check (attendees between 0 and 100000),
  consent_noted boolean not null default false,
  guide_id uuid,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (facilitator_id is null or facilitator_name = ''),
  foreign key (guide_id, community_id) references public.discussion_guides (id, community_id),
  -- lets notes carry their community, checked against their session (composite foreign key)
  unique (id, community_id)
);
create index listening_sessions_community_idx on public.listening_sessions (community_id, held_on desc);
alter table public.listening_sessions enable row level security;

-- How many attendees ticked each option of a demographic dimension. Attendees who ticked nothing
-- for a dimension are "not recorded": the session's attendees minus the dimension's counts.
create table public.session_attendee_counts (
  session_id uuid not null references public.listening_sessions (id) on delete cascade,
  dimension text not null check (dimension ~ '^[a-z_]{1,40}$'),
  value text not null check (value ~ '^[a-z0-9_]{1,60}$'),
  attendees integer not null check (attendees > 0),
  primary key (session_id, dimension, value)
);
alter table public.session_attendee_counts enable row level security;

-- A dimension's counts never add up to more people than were there.
create function public.ensure_attendee_counts_fit(target uuid) returns void
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if exists (
      select 1
      from public.session_attendee_counts c
      join public.listening_sessions s on s.id = c.session_id
      where c.session_id = target
      group by c.dimension, s.attendees
      having sum(c.attendees) > s.attendees
    ) then
      raise exception 'a dimension counts more people than attended' using errcode = 'P0001', hint = 'tally_exceeds_attendees';
    end if;
  end
  $$;

create function public.check_attendee_counts() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    perform public.ensure_attendee_counts_fit(new.session_id);
    return null;
  end
  $$;

create function public.check_session_attendees() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    perform public.ensure_attendee_counts_fit(new.id);
    return null;
  end
  $$;

create constraint trigger session_attendee_counts_fit
  after insert or update on public.session_attendee_counts
  deferrable initially immediate
  for each row execute function public.check_attendee_counts();

create constraint trigger listening_sessions_attendees_fit
  after update of attendees on public.listening_sessions
  deferrable initially immediate
  for each row execute function public.check_session_attendees();

revoke execute on function public.ensure_attendee_counts_fit(uuid) from public;
revoke all on public.listening_sessions, public.session_attendee_counts from anon, authenticated;
grant select, insert, update, delete on public.listening_sessions, public.session_attendee_counts to authenticated;
grant all on public.listening_sessions, public.session_attendee_counts to service_role;

create policy "Members can read their community's session records"
  on public.listening_sessions for select to authenticated
  using ((select public.has_community_role(community_id)));

create policy "Owners, organizers and volunteers can record sessions"
  on public.listening_sessions for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer,volunteer}')));

create policy "Owners, organizers and volunteers can edit session records"
  on public.listening_sessions for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,volunteer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer,volunteer}')));

create policy "Owners and organizers can delete session records"
  on public.listening_sessions for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

-- Attendee counts follow their session.
create function public.listening_session_role(target uuid, allowed public.community_role[] default null)
  returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.listening_sessions s
      where s.id = target and public.has_community_role(s.community_id, allowed)
    )
  $$;

create policy "Members can read the attendee counts of their sessions"
  on public.session_attendee_counts for select to authenticated
  using ((select public.listening_session_role(session_id)));

create policy "Owners, organizers and volunteers can change attendee counts"
  on public.session_attendee_counts for all to authenticated
  using ((select public.listening_session_role(session_id, '{owner,organizer,volunteer}')))
  with check ((select public.listening_session_role(session_id, '{owner,organizer,volunteer}')));
