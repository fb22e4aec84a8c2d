-- Running counts of every questionnaire's responses, kept as responses arrive, so that results,
-- filters, representation and weighting read a few thousand rows instead of every answer.
--
-- A response's *profile* is what every organizer view groups or filters by: its questionnaire,
-- channel, language and the demographic answers it gave (as given, "prefer not to say"
-- included). response_profiles counts respondents per profile; profile_answer_counts counts,
-- per profile, how many gave each answer to each question. Any count the pages show (a filtered
-- view, a group on a weighting dimension, a representation ratio) is a sum over profiles.
--
-- Answers are counted as values, with two normalisations so that free text never multiplies
-- the rows: a written answer counts as "" (that someone answered; the texts themselves are read
-- from public.answers), and a choice's "other, please specify" text counts as "" too.
--
-- How the counts stay right: responses.profile_id names the profile a response is counted in
-- (null: not counted). Changing a counted response's answers, demographics, channel or language
-- first takes its contribution away and clears profile_id; a deferred constraint trigger counts
-- every uncounted response at commit, once all its answers are written, in the same transaction
-- (so a response and its counts are committed or lost together). Deleting a response takes its
-- contribution away before its answers go. recount_responses() rebuilds one questionnaire's
-- counts from the answers (used once below for existing data, and after bulk loads).

create table public.response_profiles (
  id bigint generated always as identity primary key,
  questionnaire_id uuid not null references public.questionnaires (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  channel public.response_channel not null,
  language public.content_language not null,
  -- {"<dimension>": "<value>", ...} of the demographic answers given
  demographics jsonb not null,
  respondents int not null default 0 check (respondents >= 0),
  unique (questionnaire_id, channel, language, demographics)
);
create index response_profiles_community_idx on public.response_profiles (community_id);
alter table public.response_profiles enable row level security;

create table public.profile_answer_counts (
  profile_id bigint not null references public.response_profiles (id) on delete cascade,
  question_id uuid not null references public.questions (id) on delete cascade,
  value jsonb not null,
  responses int not null check (responses >= 0),
  primary key (profile_id, question_id, value)
);
create index profile_answer_counts_question_idx on public.profile_answer_counts (question_id);
alter table public.profile_answer_counts enable row level security;

-- No foreign key: the profile is bookkeeping, and a key would add a check to every save.
alter table public.responses add column profile_id bigint;

revoke all on public.response_profiles, public.profile_answer_counts from anon, authenticated;
grant select on public.response_profiles, public.profile_answer_counts to authenticated;
grant all on public.response_profiles, public.profile_answer_counts to service_role;

create policy "Owners, organizers and analysts can read response counts"
  on public.response_profiles for select to authenticated
  using (public.has_community_role(community_id, '{owner,organizer,analyst}'));
create policy "Owners, organizers and analysts can read answer counts"
  on public.profile_answer_counts for select to authenticated
  using (exists (
    select 1 from public.response_profiles p
    where p.id = profile_id and public.has_community_role(p.community_id, '{owner,organizer,analyst}')
  ));

-- The value an answer is counted as (see the top of this file).
create function public.counted_answer_value(question_type public.question_type, answer jsonb)
  returns jsonb
  language sql immutable set search_path = ''
  as $$
    select case
      when question_type in ('short_text', 'long_text') then '""'::jsonb
      when jsonb_typeof(answer) = 'object' and answer ? 'other' then jsonb_set(answer, '{other}', '""')
      else answer
    end
  $$;

-- Takes a counted response's contribution away from the counts (profile_id is the caller's to
-- clear: a trigger on responses clears it on NEW, the others with an update).
create function public.uncount_response(target uuid, counted_in bigint) returns void
  language plpgsql security definer set search_path = ''
  as $$
  begin
    update public.response_profiles set respondents = respondents - 1 where id = counted_in;
    update public.profile_answer_counts c set responses = c.responses - 1
    from public.answers a join public.questions q on q.id = a.question_id
    where a.response_id = target and c.profile_id = counted_in and c.question_id = a.question_id
      and c.value = public.counted_answer_value(q.type, a.value);
  end
  $$;

-- Counts a response that is not counted yet (a response already counted, or gone, is left).
create function public.count_response(target uuid) returns void
  language plpgsql security definer set search_path = ''
  as $$
  declare
    response public.responses;
    counted_in bigint;
  begin
    select * into response from public.responses where id = target for update;
    if not found or response.profile_id is not null then
      return;
    end if;
    insert into public.response_profiles as p
      (questionnaire_id, community_id, channel, language, demographics, respondents)
    values (response.questionnaire_id, response.community_id, response.channel, response.language,
      coalesce((select jsonb_object_agg(d.dimension, d.value) from public.demographic_answers d
        where d.response_id = target), '{}'), 1)
    on conflict (questionnaire_id, channel, language, demographics)
      do update set respondents = p.respondents + 1
    returning p.id into counted_in;
    -- in key order, so that concurrent saves take their row locks in the same order
    insert into public.profile_answer_counts as c (profile_id, question_id, value, responses)
    select counted_in, a.question_id, public.counted_answer_value(q.type, a.value), 1
    from public.answers a join public.questions q on q.id = a.question_id
    where a.response_id = target
    order by 2, 3
    on conflict (profile_id, question_id, value) do update set responses = c.responses + 1;
    update public.responses set profile_id = counted_in where id = target;
  end
  $$;

create function public.count_response_at_commit() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    perform public.count_response(new.id);
    return null;
  end
  $$;

create constraint trigger count_response_at_commit
  after insert or update on public.responses
  deferrable initially deferred
  for each row when (new.profile_id is null)
  execute function public.count_response_at_commit();

-- A counted response whose channel or language changes leaves its profile (counted again at
-- commit); one being deleted leaves it before its answers are deleted with it.
create function public.uncount_changed_response() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if tg_op = 'DELETE' then
      if old.profile_id is not null then
        perform public.uncount_response(old.id, old.profile_id);
      end if;
      return old;
    end if;
    if old.profile_id is not null and new.profile_id is not distinct from old.profile_id
      and (new.channel, new.language) is distinct from (old.channel, old.language) then
      perform public.uncount_response(old.id, old.profile_id);
      new.profile_id := null;
    end if;
    return new;
  end
  $$;

create trigger uncount_changed_response
  before update or delete on public.responses
  for each row execute function public.uncount_changed_response();

-- A counted response whose answers or demographic answers change leaves its profile before the
-- first change (the later rows of the same change find it uncounted), and is counted at commit.
create function public.uncount_answered_response() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    target uuid := case when tg_op = 'INSERT' then new.response_id else old.response_id end;
    counted_in bigint;
  begin
    select profile_id into counted_in from public.responses where id = target;
    if counted_in is not null then
      perform public.uncount_response(target, counted_in);
      update public.responses set profile_id = null where id = target;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
  end
  $$;

create trigger uncount_answered_response
  before insert or update or delete on public.answers
  for each row execute function public.uncount_answered_response();
create trigger uncount_answered_response
  before insert or update or delete on public.demographic_answers
  for each row execute function public.uncount_answered_response();

-- Rebuilds one questionnaire's counts from its answers, set-based: for existing data and after
-- bulk loads that bypass the triggers. Only the service role runs it.
create function public.recount_responses(target_questionnaire uuid) returns void
  language plpgsql security definer set search_path = ''
  as $$
  begin
    delete from public.response_profiles where questionnaire_id = target_questionnaire;
    create temporary table counted_profiles on commit drop as
      select r.id as response_id, r.questionnaire_id, r.community_id, r.channel, r.language,
        coalesce(d.demographics, '{}') as demographics
      from public.responses r
      left join (
        select response_id, jsonb_object_agg(dimension, value) as demographics
        from public.demographic_answers group by response_id
      ) d on d.response_id = r.id
      where r.questionnaire_id = target_questionnaire;
    insert into public.response_profiles
      (questionnaire_id, community_id, channel, language, demographics, respondents)
    select questionnaire_id, community_id, channel, language, demographics, count(*)
    from counted_profiles
    group by questionnaire_id, community_id, channel, language, demographics;
    update public.responses r set profile_id = p.id
    from counted_profiles c join public.response_profiles p
      on p.questionnaire_id = c.questionnaire_id and p.channel = c.channel
      and p.language = c.language and p.demographics = c.demographics
    where r.id = c.response_id and r.profile_id is distinct from p.id;
    insert into public.profile_answer_counts (profile_id, question_id, value, responses)
    select r.profile_id, a.question_id, public.counted_answer_value(q.type, a.value), count(*)
    from public.responses r
    join public.answers a on a.response_id = r.id
    join public.questions q on q.id = a.question_id
    where r.questionnaire_id = target_questionnaire
    group by 1, 2, 3;
    drop table counted_profiles;
  end
  $$;

revoke execute on function public.counted_answer_value(public.question_type, jsonb),
  public.uncount_response(uuid, bigint), public.count_response(uuid),
  public.recount_responses(uuid) from public, anon, authenticated;
grant execute on function public.recount_responses(uuid) to service_role;

-- The existing responses, counted once.
select public.recount_responses(q.id) from public.questionnaires q;

-- The participant counts and answer tallies (20261122002200, 20261122002300), now summed over
-- profiles: same arguments, same rows, same role check.
create or replace function public.response_participant_counts(
  target_community uuid,
  target_questionnaire uuid default null,
  target_channel public.response_channel default null
) returns table (channel text, language text, dimension text, value text, participants int)
  language plpgsql stable security definer set search_path = ''
  as $$
  begin
    if not public.has_community_role(target_community, '{owner,organizer,analyst}') then
      return;
    end if;
    return query
      with picked as (
        select p.channel, p.language, p.demographics, p.respondents
        from public.response_profiles p
        where p.community_id = target_community and p.respondents > 0
          and (target_questionnaire is null or p.questionnaire_id = target_questionnaire)
          and (target_channel is null or p.channel = target_channel)
      )
      select p.channel::text, p.language::text, null::text, null::text, sum(p.respondents)::int
      from picked p group by p.channel, p.language
      union all
      select p.channel::text, p.language::text, d.key, d.value, sum(p.respondents)::int
      from picked p cross join lateral jsonb_each_text(p.demographics) d
      group by p.channel, p.language, d.key, d.value;
  end
  $$;

-- The cell is the respondent's values on the weighting dimensions (any number of them now that
-- no join per dimension is needed), null where they did not say.
create or replace function public.answer_tallies(
  target_questionnaire uuid,
  weighting jsonb,
  filter jsonb,
  question_ids jsonb,
  demographic_dimensions jsonb
) returns table (key text, value jsonb, cell text[], count int)
  language plpgsql stable security definer set search_path = ''
  as $$
  declare
    dims text[] := array(select jsonb_array_elements_text(coalesce(weighting, '[]')));
    questions uuid[] := array(select jsonb_array_elements_text(coalesce(question_ids, '[]'))::uuid);
    dimensions text[] := array(select jsonb_array_elements_text(coalesce(demographic_dimensions, '[]')));
  begin
    if not exists (
      select 1 from public.questionnaires q
      where q.id = target_questionnaire
        and public.has_community_role(q.community_id, '{owner,organizer,analyst}')
    ) then
      return;
    end if;
    return query
      with picked as materialized (
        select p.id, p.demographics, p.respondents,
          array(select nullif(p.demographics ->> d, 'prefer_not_to_say') from unnest(dims) d) as cell
        from public.response_profiles p
        where p.questionnaire_id = target_questionnaire and p.respondents > 0
          and (filter ->> 'channel' is null or p.channel::text = filter ->> 'channel')
          and (filter ->> 'language' is null or p.language::text = filter ->> 'language')
          and p.demographics @> coalesce(filter -> 'demographics', '{}')
      )
      select 'respondents', null::jsonb, p.cell, sum(p.respondents)::int from picked p group by p.cell
      union all
      select c.question_id::text, c.value, p.cell, sum(c.responses)::int
      from picked p join public.profile_answer_counts c on c.profile_id = p.id
      where cardinality(questions) > 0 and c.question_id = any (questions) and c.responses > 0
      group by c.question_id, c.value, p.cell
      union all
      select 'dimension:' || d.key, to_jsonb(d.value), p.cell, sum(p.respondents)::int
      from picked p cross join lateral jsonb_each_text(p.demographics) d
      where cardinality(dimensions) > 0 and d.key = any (dimensions)
      group by d.key, d.value, p.cell;
  end
  $$;
