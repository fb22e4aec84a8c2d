-- The running counts of 20261123000000, kept for every response of a transaction at once.
--
-- Counting each response on its own at commit cost more than saving it, and when a transaction
-- saved several (group commit), its row locks on the count rows were taken in arrival order, so
-- two such transactions could deadlock. Now the first response to reach its commit-time trigger
-- counts every uncounted response the transaction can see, set-based and in key order (one
-- statement for the profiles, one for the answers); the others find themselves counted and stop.
--
-- "Uncounted" is profile_id null: in another transaction's snapshot, rows it has not committed
-- are invisible, and rows it is changing still show their committed profile, so each
-- transaction counts its own. Rows locked by another transaction are skipped, never waited on.

-- Only uncounted responses: few at any time (those being saved), so finding them costs nothing.
create index responses_uncounted_idx on public.responses (id) where profile_id is null;

create function public.count_pending_responses() returns void
  language plpgsql security definer set search_path = ''
  as $$
  declare
    pending uuid[];
  begin
    select coalesce(array_agg(id order by id), '{}') into pending from (
      select r.id from public.responses r where r.profile_id is null
      order by r.id for update skip locked
    ) locked;
    if cardinality(pending) = 0 then
      return;
    end if;
    with profiled as (
      select r.id, r.questionnaire_id, r.community_id, r.channel, r.language,
        coalesce(d.demographics, '{}') as demographics
      from public.responses r
      left join lateral (
        select jsonb_object_agg(x.dimension, x.value) as demographics
        from public.demographic_answers x where x.response_id = r.id
      ) d on true
      where r.id = any (pending)
    ),
    profiles as (
      insert into public.response_profiles as p
        (questionnaire_id, community_id, channel, language, demographics, respondents)
      select questionnaire_id, community_id, channel, language, demographics, count(*)
      from profiled
      group by questionnaire_id, community_id, channel, language, demographics
      order by questionnaire_id, channel, language, demographics
      on conflict (questionnaire_id, channel, language, demographics)
        do update set respondents = p.respondents + excluded.respondents
      returning p.id, p.questionnaire_id, p.channel, p.language, p.demographics
    )
    update public.responses r set profile_id = p.id
    from profiled f join profiles p
      on p.questionnaire_id = f.questionnaire_id and p.channel = f.channel
      and p.language = f.language and p.demographics = f.demographics
    where r.id = f.id;

    insert into public.profile_answer_counts as c (profile_id, question_id, value, responses)
    select r.profile_id, a.question_id, public.counted_answer_value(q.type, a.value), count(*)
    from public.responses r
    join public.answers a on a.response_id = r.id
    join public.questions q on q.id = a.question_id
    where r.id = any (pending)
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (profile_id, question_id, value) do update set responses = c.responses + excluded.responses;
  end
  $$;

create or replace function public.count_response_at_commit() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    if exists (select 1 from public.responses r where r.id = new.id and r.profile_id is null) then
      perform public.count_pending_responses();
    end if;
    return null;
  end
  $$;

revoke execute on function public.count_pending_responses() from public, anon, authenticated;

-- Counting one response alone is no longer used.
drop function public.count_response(uuid);
