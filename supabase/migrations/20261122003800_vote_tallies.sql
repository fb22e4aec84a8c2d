-- Running tallies of every round, kept by cast_ballot in the same transaction as the ballot:
-- per option, overall ('all', value ''), per channel and per profile answer, the ballots that
-- mark it and their points (dots, approvals, or Borda points n − rank). Results and live event
-- screens read a few rows per option instead of aggregating every ballot (a million ballots took
-- about 28 s on PostgreSQL, reading these takes milliseconds). rebuild_vote_tallies recomputes a
-- round's rows from its ballots (imports, repairs, benchmarks), and the tests check that both
-- ways agree.

create table public.vote_tallies (
  round_id uuid not null references public.vote_rounds (id) on delete cascade,
  option_id uuid not null references public.vote_options (id) on delete cascade,
  breakdown text not null check (breakdown ~ '^[a-z_]{1,40}$'),
  breakdown_value text not null default '',
  ballots integer not null default 0,
  points bigint not null default 0,
  primary key (round_id, breakdown, breakdown_value, option_id)
);
alter table public.vote_tallies enable row level security;

revoke all on public.vote_tallies from anon, authenticated;
grant select on public.vote_tallies to authenticated;
grant all on public.vote_tallies to service_role;

create policy "Owners, organizers and analysts can read vote tallies"
  on public.vote_tallies for select to authenticated
  using (round_id in (select public.readable_vote_rounds()));

-- One ballot's contribution to its round's tallies, one row per option and breakdown.
create function public.ballot_tally_rows(target_ballot uuid)
  returns table (round_id uuid, option_id uuid, breakdown text, breakdown_value text, points integer)
  language sql stable security definer set search_path = ''
  as $$
    select m.round_id, m.option_id, g.breakdown, g.breakdown_value,
      case when r.method = 'ranking'
        then (select count(*)::int from public.vote_options o where o.round_id = m.round_id) - m.value
        else m.value end
    from public.ballot_marks m
    join public.ballots b on b.id = m.ballot_id
    join public.vote_rounds r on r.id = m.round_id
    cross join lateral (
      select 'all' as breakdown, '' as breakdown_value
      union all select 'channel', b.channel::text
      union all select p.dimension, p.value from public.ballot_profiles p where p.ballot_id = m.ballot_id
    ) g
    where m.ballot_id = target_ballot
  $$;

create function public.add_ballot_to_tallies(target_ballot uuid) returns void
  language sql security definer set search_path = ''
  as $$
    insert into public.vote_tallies (round_id, option_id, breakdown, breakdown_value, ballots, points)
    select t.round_id, t.option_id, t.breakdown, t.breakdown_value, 1, t.points
    from public.ballot_tally_rows(target_ballot) t
    on conflict (round_id, breakdown, breakdown_value, option_id) do update
    set ballots = public.vote_tallies.ballots + 1, points = public.vote_tallies.points + excluded.points
  $$;

-- An update, never an insert: while a round is being deleted its tallies are going too.
create function public.remove_ballot_from_tallies(target_ballot uuid) returns void
  language sql security definer set search_path = ''
  as $$
    update public.vote_tallies v set ballots = v.ballots - 1, points = v.points - t.points
    from public.ballot_tally_rows(target_ballot) t
    where v.round_id = t.round_id and v.breakdown = t.breakdown
      and v.breakdown_value = t.breakdown_value and v.option_id = t.option_id
  $$;

create function public.rebuild_vote_tallies(target_round uuid) returns void
  language sql security definer set search_path = ''
  as $$
    delete from public.vote_tallies where round_id = target_round;
    with marked as (
      select m.ballot_id, b.channel::text as channel, m.option_id,
        case when r.method = 'ranking'
          then (select count(*)::int from public.vote_options o where o.round_id = r.id) - m.value
          else m.value end as points
      from public.ballot_marks m
      join public.ballots b on b.id = m.ballot_id
      join public.vote_rounds r on r.id = m.round_id
      where m.round_id = target_round
    )
    insert into public.vote_tallies (round_id, option_id, breakdown, breakdown_value, ballots, points)
    select target_round, option_id, 'all', '', count(*), sum(points) from marked group by option_id
    union all
    select target_round, option_id, 'channel', channel, count(*), sum(points) from marked group by channel, option_id
    union all
    select target_round, marked.option_id, p.dimension, p.value, count(*), sum(points)
    from marked join public.ballot_profiles p on p.ballot_id = marked.ballot_id and p.round_id = target_round
    group by p.dimension, p.value, marked.option_id;
  $$;

revoke execute on function public.ballot_tally_rows(uuid), public.add_ballot_to_tallies(uuid),
  public.remove_ballot_from_tallies(uuid), public.rebuild_vote_tallies(uuid) from public;
grant execute on function public.rebuild_vote_tallies(uuid) to service_role;

-- An owner removing a ballot (abuse) takes it out of the tallies first.
create function public.ballot_leaves_tallies() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    perform public.remove_ballot_from_tallies(old.id);
    return old;
  end
  $$;
create trigger ballots_leave_tallies before delete on public.ballots
  for each row execute function public.ballot_leaves_tallies();

-- cast_ballot as in 20261122003700_ballot_rows_by_round.sql, now keeping the tallies: the old
-- ballot leaves them before it is replaced, the new one joins them once written.
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
      perform public.remove_ballot_from_tallies(target_ballot);
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
    perform public.add_ballot_to_tallies(target_ballot);
    return case when replaced then 'replaced' else 'created' end;
  end
  $$;
