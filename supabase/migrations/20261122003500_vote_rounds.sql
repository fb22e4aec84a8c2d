-- Priority votes: rounds of bilingual options, voted on by residents without an account by one
-- of a closed list of methods (matching voteMethods in src/lib/domain/voting/methods.ts; each
-- method's settings validated by the same zod schema before they are stored). One ballot per
-- device per round: only a hash of a random device token (kept in a cookie) is stored, and a new
-- ballot from the same device replaces the old one until the round closes. A live event will
-- attach a round to itself with an event_id column added by its own migration.

create type public.vote_method as enum ('dots', 'ranking', 'approval', 'pairwise');
create type public.vote_round_status as enum ('draft', 'open', 'closed');

create table public.vote_rounds (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  -- residents reach it at /<lang>/v/<slug>
  slug text not null unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 60),
  title jsonb not null check (jsonb_typeof(title -> 'en') = 'string' and jsonb_typeof(title -> 'fr') = 'string'),
  question jsonb not null default '{"en": "", "fr": ""}'
    check (jsonb_typeof(question -> 'en') = 'string' and jsonb_typeof(question -> 'fr') = 'string'),
  method public.vote_method not null,
  settings jsonb not null default '{}',
  status public.vote_round_status not null default 'draft',
  opens_at timestamptz,
  closes_at timestamptz check (closes_at is null or opens_at is null or closes_at > opens_at),
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index vote_rounds_community_idx on public.vote_rounds (community_id);
alter table public.vote_rounds enable row level security;

create table public.vote_options (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references public.vote_rounds (id) on delete cascade,
  position integer not null,
  label jsonb not null check (jsonb_typeof(label -> 'en') = 'string' and jsonb_typeof(label -> 'fr') = 'string'),
  unique (round_id, id)
);
create index vote_options_round_idx on public.vote_options (round_id, position);
alter table public.vote_options enable row level security;

create table public.ballots (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references public.vote_rounds (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  -- sha-256 of the round id and the device token: the same phone is not linkable across rounds
  device_hash text not null,
  -- paper votes arrive as tallies (vote_paper_tallies), never as ballots
  channel public.response_channel not null default 'online' check (channel in ('online', 'event', 'kiosk')),
  language public.content_language not null,
  cast_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (round_id, device_hash)
);
alter table public.ballots enable row level security;

-- Dots placed, rank given, or 1 for approved: one row per marked option.
create table public.ballot_marks (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  option_id uuid not null references public.vote_options (id) on delete cascade,
  value integer not null check (value between 1 and 1000),
  primary key (ballot_id, option_id)
);
create index ballot_marks_option_idx on public.ballot_marks (option_id);
alter table public.ballot_marks enable row level security;

-- "Which matters more?": one row per pair answered, whichever way round it was shown.
create table public.ballot_comparisons (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  winner_id uuid not null references public.vote_options (id) on delete cascade,
  loser_id uuid not null references public.vote_options (id) on delete cascade,
  check (winner_id <> loser_id),
  primary key (ballot_id, winner_id, loser_id)
);
create unique index ballot_comparisons_pair_key
  on public.ballot_comparisons (ballot_id, least(winner_id, loser_id), greatest(winner_id, loser_id));
alter table public.ballot_comparisons enable row level security;

-- The optional short profile, stored apart from the ballot's content.
create table public.ballot_profiles (
  ballot_id uuid not null references public.ballots (id) on delete cascade,
  dimension text not null check (dimension ~ '^[a-z_]{1,40}$'),
  value text not null check (length(value) between 1 and 60),
  primary key (ballot_id, dimension)
);
alter table public.ballot_profiles enable row level security;

-- Paper votes counted after the round: marks per option (dots or approvals), channel paper.
create table public.vote_paper_tallies (
  round_id uuid not null references public.vote_rounds (id) on delete cascade,
  option_id uuid not null,
  count integer not null check (count between 0 and 1000000),
  entered_by uuid references public.profiles (id) on delete set null,
  entered_at timestamptz not null default now(),
  primary key (round_id, option_id),
  foreign key (round_id, option_id) references public.vote_options (round_id, id) on delete cascade
);
alter table public.vote_paper_tallies enable row level security;

-- Is this round taking ballots now?
create function public.vote_round_is_open(target uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.vote_rounds r
      where r.id = target and r.status = 'open'
        and (r.opens_at is null or r.opens_at <= now())
        and (r.closes_at is null or r.closes_at > now())
    )
  $$;

create function public.vote_round_role(target uuid, allowed public.community_role[] default null)
  returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.vote_rounds r
      where r.id = target and public.has_community_role(r.community_id, allowed)
    )
  $$;

create function public.ballot_readable(target uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.ballots b
      where b.id = target and public.has_community_role(b.community_id, '{owner,organizer,analyst}')
    )
  $$;

revoke all on public.vote_rounds, public.vote_options, public.ballots, public.ballot_marks,
  public.ballot_comparisons, public.ballot_profiles, public.vote_paper_tallies from anon, authenticated;
grant select on public.vote_rounds, public.vote_options to anon;
grant select, insert, update, delete on public.vote_rounds, public.vote_options, public.vote_paper_tallies to authenticated;
grant select, delete on public.ballots to authenticated;
grant select on public.ballot_marks, public.ballot_comparisons, public.ballot_profiles to authenticated;
grant all on public.vote_rounds, public.vote_options, public.ballots, public.ballot_marks,
  public.ballot_comparisons, public.ballot_profiles, public.vote_paper_tallies to service_role;

create policy "Anyone can read a round once it has opened"
  on public.vote_rounds for select to anon, authenticated
  using (status <> 'draft');
create policy "Members can read their community's rounds"
  on public.vote_rounds for select to authenticated
  using ((select public.has_community_role(community_id)));
create policy "Owners and organizers can create rounds"
  on public.vote_rounds for insert to authenticated
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can edit rounds"
  on public.vote_rounds for update to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')))
  with check ((select public.has_community_role(community_id, '{owner,organizer}')));
create policy "Owners and organizers can delete rounds"
  on public.vote_rounds for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Anyone can read the options of a round once it has opened"
  on public.vote_options for select to anon, authenticated
  using (exists (select 1 from public.vote_rounds r where r.id = round_id and r.status <> 'draft'));
create policy "Members can read their rounds' options"
  on public.vote_options for select to authenticated
  using ((select public.vote_round_role(round_id)));
create policy "Owners and organizers can change options"
  on public.vote_options for all to authenticated
  using ((select public.vote_round_role(round_id, '{owner,organizer}')))
  with check ((select public.vote_round_role(round_id, '{owner,organizer}')));

create policy "Owners, organizers and analysts can read ballots"
  on public.ballots for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));
create policy "Owners can delete ballots"
  on public.ballots for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));
create policy "Owners, organizers and analysts can read ballot marks"
  on public.ballot_marks for select to authenticated
  using ((select public.ballot_readable(ballot_id)));
create policy "Owners, organizers and analysts can read pairwise answers"
  on public.ballot_comparisons for select to authenticated
  using ((select public.ballot_readable(ballot_id)));
create policy "Owners, organizers and analysts can read voters' profiles"
  on public.ballot_profiles for select to authenticated
  using ((select public.ballot_readable(ballot_id)));

create policy "Owners, organizers and analysts can read paper tallies"
  on public.vote_paper_tallies for select to authenticated
  using ((select public.vote_round_role(round_id, '{owner,organizer,analyst}')));
create policy "Owners and organizers can enter paper tallies"
  on public.vote_paper_tallies for all to authenticated
  using ((select public.vote_round_role(round_id, '{owner,organizer}')))
  with check ((select public.vote_round_role(round_id, '{owner,organizer}')));

-- What a resident's voting page shows of the community behind a round.
create policy "Anyone can read a community with an opened vote round"
  on public.communities for select to anon, authenticated
  using (exists (
    select 1 from public.vote_rounds r where r.community_id = communities.id and r.status <> 'draft'
  ));

-- Casts or replaces this device's ballot, for anyone (residents have no account). The server has
-- checked the ballot against the round's method and settings; this checks what only the database
-- can: that the round is open now and that every option named belongs to it. Everything is
-- replaced at once, so a refused ballot leaves the previous one as it was.
-- Returns 'created', or 'replaced' when this device had voted in this round before.
create function public.cast_ballot(
  target_round uuid,
  device text,
  ballot_channel public.response_channel,
  ballot_language public.content_language,
  marks jsonb,
  comparisons jsonb,
  profile jsonb
) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target_ballot uuid;
    replaced boolean;
  begin
    if not public.vote_round_is_open(target_round) then
      raise exception 'this round is not taking votes' using errcode = 'P0001', hint = 'round_closed';
    end if;
    if ballot_channel not in ('online', 'event', 'kiosk') then
      raise exception 'ballots are cast online, at an event or at a kiosk' using errcode = 'P0001', hint = 'bad_channel';
    end if;
    if exists (
      select 1 from (
        select k as option_text from jsonb_object_keys(marks) k
        union all select c ->> 'winner' from jsonb_array_elements(comparisons) c
        union all select c ->> 'loser' from jsonb_array_elements(comparisons) c
      ) named
      where not exists (
        select 1 from public.vote_options o where o.round_id = target_round and o.id::text = named.option_text
      )
    ) then
      raise exception 'a ballot names an option of another round' using errcode = 'P0001', hint = 'unknown_option';
    end if;

    select id into target_ballot from public.ballots
      where round_id = target_round and device_hash = device for update;
    replaced := found;
    if replaced then
      delete from public.ballot_marks m where m.ballot_id = target_ballot;
      delete from public.ballot_comparisons c where c.ballot_id = target_ballot;
      delete from public.ballot_profiles p where p.ballot_id = target_ballot;
      update public.ballots set updated_at = now(), channel = ballot_channel, language = ballot_language
        where id = target_ballot;
    else
      insert into public.ballots (round_id, community_id, device_hash, channel, language)
      select r.id, r.community_id, device, ballot_channel, ballot_language
      from public.vote_rounds r where r.id = target_round
      returning id into target_ballot;
    end if;

    insert into public.ballot_marks (ballot_id, option_id, value)
    select target_ballot, k::uuid, v::integer from jsonb_each_text(marks) as e(k, v);
    insert into public.ballot_comparisons (ballot_id, winner_id, loser_id)
    select target_ballot, (c ->> 'winner')::uuid, (c ->> 'loser')::uuid from jsonb_array_elements(comparisons) c;
    insert into public.ballot_profiles (ballot_id, dimension, value)
    select target_ballot, k, v from jsonb_each_text(profile) as e(k, v);
    return case when replaced then 'replaced' else 'created' end;
  end
  $$;

-- This device's ballot in a round, for its receipt and for changing it.
create function public.ballot_by_device(target_round uuid, device text)
  returns table (marks jsonb, comparisons jsonb, profile jsonb, updated_at timestamptz)
  language sql stable security definer set search_path = ''
  as $$
    select
      coalesce((select jsonb_object_agg(m.option_id, m.value) from public.ballot_marks m where m.ballot_id = b.id), '{}'),
      coalesce((select jsonb_agg(jsonb_build_object('winner', c.winner_id, 'loser', c.loser_id))
        from public.ballot_comparisons c where c.ballot_id = b.id), '[]'),
      coalesce((select jsonb_object_agg(p.dimension, p.value) from public.ballot_profiles p where p.ballot_id = b.id), '{}'),
      b.updated_at
    from public.ballots b
    where b.round_id = target_round and b.device_hash = device
  $$;

revoke execute on function public.cast_ballot(uuid, text, public.response_channel, public.content_language, jsonb, jsonb, jsonb) from public;
grant execute on function public.cast_ballot(uuid, text, public.response_channel, public.content_language, jsonb, jsonb, jsonb) to anon, authenticated;
revoke execute on function public.ballot_by_device(uuid, text) from public;
grant execute on function public.ballot_by_device(uuid, text) to anon, authenticated;
