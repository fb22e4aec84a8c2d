-- Reading a round's ballots at the scale of a city (a million ballots) must not call a function
-- per row: the first policies checked each mark's ballot with ballot_readable(ballot_id). Each
-- ballot row now carries its round, and every ballot table is read through one uncorrelated
-- list of the rounds the person may read, which PostgreSQL evaluates once per query.

alter table public.ballot_marks add column round_id uuid references public.vote_rounds (id) on delete cascade;
alter table public.ballot_comparisons add column round_id uuid references public.vote_rounds (id) on delete cascade;
alter table public.ballot_profiles add column round_id uuid references public.vote_rounds (id) on delete cascade;
update public.ballot_marks m set round_id = b.round_id from public.ballots b where b.id = m.ballot_id;
update public.ballot_comparisons c set round_id = b.round_id from public.ballots b where b.id = c.ballot_id;
update public.ballot_profiles p set round_id = b.round_id from public.ballots b where b.id = p.ballot_id;
alter table public.ballot_marks alter column round_id set not null;
alter table public.ballot_comparisons alter column round_id set not null;
alter table public.ballot_profiles alter column round_id set not null;
create index ballot_marks_round_idx on public.ballot_marks (round_id, option_id);
create index ballot_comparisons_round_idx on public.ballot_comparisons (round_id);
create index ballot_profiles_round_idx on public.ballot_profiles (round_id, dimension, value);
create index ballots_round_idx on public.ballots (round_id, channel);

-- The rounds whose ballots the signed-in person may read: owners, organizers and analysts of
-- the round's community.
create function public.readable_vote_rounds() returns setof uuid
  language sql stable security definer set search_path = ''
  as $$
    select r.id from public.vote_rounds r
    join public.memberships m on m.community_id = r.community_id
    where m.user_id = (select auth.uid()) and m.role in ('owner', 'organizer', 'analyst')
  $$;
revoke execute on function public.readable_vote_rounds() from public;
grant execute on function public.readable_vote_rounds() to authenticated;

drop policy "Owners, organizers and analysts can read ballots" on public.ballots;
drop policy "Owners, organizers and analysts can read ballot marks" on public.ballot_marks;
drop policy "Owners, organizers and analysts can read pairwise answers" on public.ballot_comparisons;
drop policy "Owners, organizers and analysts can read voters' profiles" on public.ballot_profiles;
drop function public.ballot_readable(uuid);

create policy "Owners, organizers and analysts can read ballots"
  on public.ballots for select to authenticated
  using (round_id in (select public.readable_vote_rounds()));
create policy "Owners, organizers and analysts can read ballot marks"
  on public.ballot_marks for select to authenticated
  using (round_id in (select public.readable_vote_rounds()));
create policy "Owners, organizers and analysts can read pairwise answers"
  on public.ballot_comparisons for select to authenticated
  using (round_id in (select public.readable_vote_rounds()));
create policy "Owners, organizers and analysts can read voters' profiles"
  on public.ballot_profiles for select to authenticated
  using (round_id in (select public.readable_vote_rounds()));

-- cast_ballot as before (see 20261122003500_vote_rounds.sql), now writing each row's round.
create or replace function public.cast_ballot(
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

    insert into public.ballot_marks (ballot_id, round_id, option_id, value)
    select target_ballot, target_round, k::uuid, v::integer from jsonb_each_text(marks) as e(k, v);
    insert into public.ballot_comparisons (ballot_id, round_id, winner_id, loser_id)
    select target_ballot, target_round, (c ->> 'winner')::uuid, (c ->> 'loser')::uuid
    from jsonb_array_elements(comparisons) c;
    insert into public.ballot_profiles (ballot_id, round_id, dimension, value)
    select target_ballot, target_round, k, v from jsonb_each_text(profile) as e(k, v);
    return case when replaced then 'replaced' else 'created' end;
  end
  $$;
