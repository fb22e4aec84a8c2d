-- Community events (town halls, pop-up booths, school visits). Residents join on their own
-- phones with a short code, without an account: they may answer the event's questionnaire
-- (saved with channel 'event'), vote in its live round, post ideas to a moderated wall and give
-- a three-question profile. Residents never read or write these tables directly: the
-- security definer functions below are their only way in, and they check the event is open.

create type public.event_kind as enum ('town_hall', 'pop_up', 'school_visit', 'other');
create type public.event_status as enum ('open', 'closed');
-- what the presenter screen shows: one language, or both side by side
create type public.event_display as enum ('en', 'fr', 'both');

create table public.events (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  kind public.event_kind not null default 'town_hall',
  title jsonb not null check (jsonb_typeof(title -> 'en') = 'string' and jsonb_typeof(title -> 'fr') = 'string'),
  held_on date not null,
  place text not null check (length(place) between 1 and 200),
  questionnaire_id uuid references public.questionnaires (id) on delete set null,
  -- typed from a poster or read aloud: no 0/O or 1/I to confuse (src/lib/domain/events/join-code.ts)
  join_code text not null unique check (join_code ~ '^[A-HJ-NP-Z2-9]{6}$'),
  -- the secret part of the presenter link for a projector laptop nobody signs in on
  presenter_key text not null unique check (length(presenter_key) >= 20),
  status public.event_status not null default 'open',
  display public.event_display not null default 'both',
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index events_community_idx on public.events (community_id, held_on desc);
create index events_questionnaire_idx on public.events (questionnaire_id);
alter table public.events enable row level security;

create type public.idea_status as enum ('pending', 'approved', 'hidden');

create table public.event_ideas (
  -- generated in the page: a resend of the same form stores nothing twice
  id uuid primary key,
  event_id uuid not null references public.events (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  body text not null check (length(btrim(body)) between 1 and 280),
  language public.content_language not null,
  -- sha-256 of the phone's device token: caps ideas per phone without knowing who
  device_hash text not null,
  status public.idea_status not null default 'pending',
  created_at timestamptz not null default now(),
  moderated_at timestamptz,
  moderated_by uuid references public.profiles (id) on delete set null
);
create index event_ideas_event_idx on public.event_ideas (event_id, status, created_at);
create index event_ideas_device_idx on public.event_ideas (event_id, device_hash);
alter table public.event_ideas enable row level security;

-- The optional profile a phone gives at the event: the same dimensions and values as a
-- questionnaire's demographic questions, kept apart from ideas and ballots.
create table public.event_profile_answers (
  event_id uuid not null references public.events (id) on delete cascade,
  device_hash text not null,
  dimension text not null check (dimension in ('age_group', 'gender', 'first_official_language')),
  value text not null check (value ~ '^[a-z0-9_]{1,40}$'),
  primary key (event_id, device_hash, dimension)
);
alter table public.event_profile_answers enable row level security;

-- Counts from the paper sign-in sheet by demographic group (no names), entered afterwards;
-- the sheet's total is the group ('total', 'all').
create table public.event_signin_counts (
  event_id uuid not null references public.events (id) on delete cascade,
  dimension text not null check (dimension ~ '^[a-z_]{1,40}$'),
  value text not null check (value ~ '^[a-z0-9_]{1,40}$'),
  people integer not null check (people between 0 and 100000),
  primary key (event_id, dimension, value)
);
alter table public.event_signin_counts enable row level security;

-- Joins by address, for the join rate limit (src/lib/server/events/join-event.ts). Only the
-- server's own connection touches it, as with sign-in attempts.
create table public.event_join_attempts (
  id bigint generated always as identity primary key,
  address text not null,
  -- false for a code that matches no event: guessing codes is limited much harder
  found boolean not null,
  attempted_at timestamptz not null default now()
);
create index event_join_attempts_idx on public.event_join_attempts (address, attempted_at);
alter table public.event_join_attempts enable row level security;

revoke all on public.events, public.event_ideas, public.event_profile_answers,
  public.event_signin_counts, public.event_join_attempts from anon, authenticated;
grant select, insert, update, delete on public.events to authenticated;
grant select (id, event_id, community_id, body, language, status, created_at, moderated_at)
  on public.event_ideas to authenticated;
grant update (status, moderated_at, moderated_by) on public.event_ideas to authenticated;
grant select on public.event_profile_answers to authenticated;
grant select, insert, update, delete on public.event_signin_counts to authenticated;
grant all on public.events, public.event_ideas, public.event_profile_answers,
  public.event_signin_counts, public.event_join_attempts to service_role;

create policy "Members can read their community's events"
  on public.events for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Owners and organizers can create events"
  on public.events for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can edit events"
  on public.events for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can delete events"
  on public.events for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Members can read their community's event ideas"
  on public.event_ideas for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Owners and organizers can moderate event ideas"
  on public.event_ideas for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));

create function public.event_role(target uuid, allowed public.community_role[] default null)
  returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.events e
      where e.id = target and public.has_community_role(e.community_id, allowed)
    )
  $$;

create policy "Owners, organizers and analysts can read event profiles"
  on public.event_profile_answers for select to authenticated
  using ((select public.event_role(event_id, '{owner,organizer,analyst}')));

create policy "Members can read sign-in sheet counts"
  on public.event_signin_counts for select to authenticated
  using ((select public.event_role(event_id)));
create policy "Owners, organizers and volunteers can enter sign-in sheet counts"
  on public.event_signin_counts for all to authenticated
  using ((select public.event_role(event_id, '{owner,organizer,volunteer}')))
  with check ((select public.event_role(event_id, '{owner,organizer,volunteer}')));

-- What a phone that joined with the code may see of the event: never the presenter key.
-- The questionnaire's web name only while it takes answers.
create function public.event_by_code(code text)
  returns table (
    id uuid, community_id uuid, community_name jsonb, kind public.event_kind, title jsonb,
    held_on date, place text, status public.event_status, display public.event_display,
    questionnaire_slug text
  )
  language sql stable security definer set search_path = ''
  as $$
    select e.id, e.community_id, c.name, e.kind, e.title, e.held_on, e.place, e.status, e.display,
      case when public.questionnaire_is_open(q.id) then q.slug end
    from public.events e
    join public.communities c on c.id = e.community_id
    left join public.questionnaires q on q.id = e.questionnaire_id
    where e.join_code = upper(code)
  $$;

-- The join code of the event a presenter link opens.
create function public.event_code_by_presenter_key(key text) returns text
  language sql stable security definer set search_path = ''
  as $$ select e.join_code from public.events e where e.presenter_key = key $$;

-- Whether an event is open, by its id (which only those who joined it know).
create function public.event_status_by_id(target uuid) returns table (status public.event_status)
  language sql stable security definer set search_path = ''
  as $$ select e.status from public.events e where e.id = target $$;

-- What every phone and the presenter screen show: approved ideas, newest first.
create function public.event_approved_ideas(target uuid, max_rows integer default 30)
  returns table (id uuid, body text, language public.content_language, moderated_at timestamptz)
  language sql stable security definer set search_path = ''
  as $$
    select i.id, i.body, i.language, i.moderated_at from public.event_ideas i
    where i.event_id = target and i.status = 'approved'
    order by i.moderated_at desc, i.id
    limit least(max_rows, 100)
  $$;

-- Posts an idea from a phone while the event is open. Returns 'created', 'duplicate' (this id
-- was already posted: a resend) or raises with hint 'event_closed' or 'too_many_ideas'.
create function public.post_event_idea(
  idea_id uuid, target uuid, device text, idea text, idea_language public.content_language
) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target_community uuid;
  begin
    select e.community_id into target_community from public.events e
    where e.id = target and e.status = 'open';
    if target_community is null then
      raise exception 'this event is not taking ideas' using errcode = 'P0001', hint = 'event_closed';
    end if;
    if exists (select 1 from public.event_ideas i where i.id = idea_id) then
      return 'duplicate';
    end if;
    -- a phone cannot flood the wall faster than moderators read it
    if (select count(*) from public.event_ideas i where i.event_id = target and i.device_hash = device) >= 10 then
      raise exception 'this phone has posted enough ideas' using errcode = 'P0001', hint = 'too_many_ideas';
    end if;
    insert into public.event_ideas (id, event_id, community_id, body, language, device_hash)
    values (idea_id, target, target_community, btrim(idea), idea_language, device)
    on conflict (id) do nothing;
    return case when found then 'created' else 'duplicate' end;
  end
  $$;

-- Saves (or replaces) a phone's profile for an open event; values were checked by the server
-- against the demographic options.
create function public.save_event_profile(target uuid, device text, profile jsonb) returns void
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if not exists (select 1 from public.events e where e.id = target and e.status = 'open') then
      raise exception 'this event is not taking answers' using errcode = 'P0001', hint = 'event_closed';
    end if;
    delete from public.event_profile_answers a where a.event_id = target and a.device_hash = device;
    insert into public.event_profile_answers (event_id, device_hash, dimension, value)
    select target, device, k, v from jsonb_each_text(profile) as p(k, v);
  end
  $$;

revoke execute on function public.event_by_code(text), public.event_code_by_presenter_key(text),
  public.event_status_by_id(uuid),
  public.event_approved_ideas(uuid, integer),
  public.post_event_idea(uuid, uuid, text, text, public.content_language),
  public.save_event_profile(uuid, text, jsonb) from public;
grant execute on function public.event_by_code(text), public.event_code_by_presenter_key(text),
  public.event_status_by_id(uuid),
  public.event_approved_ideas(uuid, integer),
  public.post_event_idea(uuid, uuid, text, text, public.content_language),
  public.save_event_profile(uuid, text, jsonb) to anon, authenticated;
